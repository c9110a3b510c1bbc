/**
 * Reads doc comments: marker lines (`+…`) and JSDoc tags (`@minimum 1`, read by tags.ts) become
 * marker instances checked against the registry and the target, and every other tag a diagnostic
 * unless it only documents the source; the remaining prose (or an `@description`) becomes the description,
 * cleaned as controller-gen cleans Go doc comments (marker lines removed, blank lines collapsed,
 * `TODO` lines dropped, nothing after a `---` line).
 */
import type * as ts from "typescript";
import typescript from "../typescript.js";
import { DiagnosticCode, errorAt, positionAt, warningAt, type Diagnostic, type Position } from "../diagnostics.js";
import { parseMarker } from "./parse.js";
import type { MarkerDefinition, MarkerInstance, MarkerRegistry, MarkerTarget, MarkerValue } from "./registry.js";
import { readTag, type WrittenTag } from "./tags.js";

/** What a doc comment says: markers, description and the problems found reading it. */
export interface CollectedDoc {
  markers: MarkerInstance[];
  description: string | undefined;
  diagnostics: Diagnostic[];
  /** `@ignore` (typescript-json-schema): the property is left out of the schema. */
  ignored: boolean;
}

interface CommentLine {
  text: string;
  /** Offset of `text`'s first character in the source file. */
  offset: number;
}

/**
 * Collects markers and description from the JSDoc comment of `node` (see docCommentLines).
 */
export function collectFromNode(
  node: ts.Node,
  target: MarkerTarget,
  registry: MarkerRegistry,
  fieldPath?: string,
): CollectedDoc {
  return collectFromLines(node.getSourceFile(), docCommentLines(node), target, registry, fieldPath);
}

/** The `@tag`s written at the start of a line of `node`'s JSDoc comment, at their `@`. */
export function docTagsOf(node: ts.Node): { name: string; position: Position }[] {
  const sourceFile = node.getSourceFile();
  return docCommentLines(node).flatMap((line) => {
    const trimmed = line.text.trimStart();
    const name = /^@([A-Za-z$][\w.$-]*)/.exec(trimmed)?.[1];
    const position = positionAt(sourceFile, line.offset + (line.text.length - trimmed.length));
    return name === undefined ? [] : [{ name, position }];
  });
}

/**
 * The lines of `node`'s JSDoc comment: the last `/** ... *\/` comment in its leading trivia, the
 * one TypeScript's getJSDocCommentsAndTags gives (a file's header comment before the first
 * declaration is not the declaration's). Read from the text, so that the program can be parsed
 * without JSDoc nodes (JSDocParsingMode.ParseNone, as tsc itself skips them): the declaration
 * files of dependencies are mostly doc comments.
 */
function docCommentLines(node: ts.Node): CommentLine[] {
  const sourceFile = node.getSourceFile();
  const text = sourceFile.text;
  const docComment = (typescript.getLeadingCommentRanges(text, node.pos) ?? [])
    .filter(
      (range) =>
        range.kind === typescript.SyntaxKind.MultiLineCommentTrivia &&
        text.startsWith("/**", range.pos) &&
        !text.startsWith("/**/", range.pos),
    )
    .at(-1);
  return docComment ? commentLines(sourceFile, docComment.pos, docComment.end) : [];
}

/** Collects package markers from the comments that open a file (groupversion_info.ts). */
export function collectFromFileHeader(sourceFile: ts.SourceFile, registry: MarkerRegistry): CollectedDoc {
  const ranges = typescript.getLeadingCommentRanges(sourceFile.text, 0) ?? [];
  const lines = ranges.flatMap((range) => commentLines(sourceFile, range.pos, range.end));
  return collectFromLines(sourceFile, lines, "package", registry);
}

/** Collects every marker written in any comment of a file (controllers' RBAC markers). */
export function collectFromAllComments(sourceFile: ts.SourceFile, registry: MarkerRegistry): CollectedDoc {
  const scanner = typescript.createScanner(
    typescript.ScriptTarget.Latest,
    false,
    sourceFile.languageVariant,
    sourceFile.text,
  );
  const lines: CommentLine[] = [];
  for (let token = scanner.scan(); token !== typescript.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (
      token === typescript.SyntaxKind.SingleLineCommentTrivia ||
      token === typescript.SyntaxKind.MultiLineCommentTrivia
    ) {
      lines.push(...commentLines(sourceFile, scanner.getTokenStart(), scanner.getTokenEnd()));
    }
  }
  const collected = collectFromLines(
    sourceFile,
    lines.filter((line) => line.text.startsWith("+")),
    "package",
    registry,
  );
  return collected;
}

/** Splits a comment into content lines: `//`, `/*`, `*` and `*\/` decorations removed. */
function commentLines(sourceFile: ts.SourceFile, start: number, end: number): CommentLine[] {
  const raw = sourceFile.text.slice(start, end);
  const lines: CommentLine[] = [];
  let lineStart = 0;
  for (const line of raw.split("\n")) {
    let text = line.replace(/\r$/, "");
    let skip = 0;
    const prefix = /^(\s*\/\*\*?|\s*\/\/|\s*\*(?!\/))/.exec(text);
    if (prefix) skip = prefix[0].length;
    text = text.slice(skip);
    if (text.startsWith(" ")) {
      text = text.slice(1);
      skip++;
    }
    const closing = text.lastIndexOf("*/");
    if (closing >= 0 && text.slice(closing).trim() === "*/") text = text.slice(0, closing);
    lines.push({ text: text.replace(/\s+$/, ""), offset: start + lineStart + skip });
    lineStart += line.length + 1;
  }
  return lines;
}

function collectFromLines(
  sourceFile: ts.SourceFile,
  lines: readonly CommentLine[],
  target: MarkerTarget,
  registry: MarkerRegistry,
  fieldPath?: string,
): CollectedDoc {
  const collected: CollectedDoc = { markers: [], description: undefined, diagnostics: [], ignored: false };
  const prose: string[] = [];
  let described: readonly string[] | undefined;
  let tag: (WrittenTag & { continuation: string[]; position: Position; written: string }) | undefined;
  const where = { target, registry, fieldPath };
  for (const line of lines) {
    const trimmed = line.text.trimStart();
    const position = positionAt(sourceFile, line.offset + (line.text.length - trimmed.length));
    if (trimmed.startsWith("+")) {
      addMarker(collected, trimmed.slice(1), trimmed.slice(1), position, where);
      continue;
    }
    const written = /^@([A-Za-z$][\w.$-]*)\s*(.*)$/.exec(trimmed);
    if (written) {
      if (tag) described = applyTag(collected, tag, tag.position, tag.written, where) ?? described;
      tag = {
        name: written[1] as string,
        text: (written[2] as string).trim(),
        continuation: [],
        position,
        written: trimmed,
      };
      continue;
    }
    if (tag) tag.continuation.push(line.text);
    else prose.push(line.text);
  }
  if (tag) described = applyTag(collected, tag, tag.position, tag.written, where) ?? described;
  collected.description = cleanDescription(described ?? prose);
  return collected;
}

interface Where {
  target: MarkerTarget;
  registry: MarkerRegistry;
  fieldPath: string | undefined;
}

/** Applies what one JSDoc tag means; returns the lines of an `@description`. */
function applyTag(
  collected: CollectedDoc,
  tag: WrittenTag,
  position: Position,
  written: string,
  where: Where,
): readonly string[] | undefined {
  let described: readonly string[] | undefined;
  const extra = { fieldPath: where.fieldPath };
  for (const meaning of readTag(tag, where.registry)) {
    switch (meaning.kind) {
      case "markers":
        for (const marker of meaning.markers) addMarker(collected, marker, written, position, where);
        break;
      case "example": {
        const definition = where.registry.get("kubebuilder:example");
        if (definition) addParsed(collected, definition, { "": meaning.value }, written, position, where);
        break;
      }
      case "description":
        described = meaning.lines;
        break;
      case "ignore":
        if (where.target === "field") collected.ignored = true;
        else
          collected.diagnostics.push(
            errorAt(
              position,
              DiagnosticCode.unsupportedTag,
              `@${tag.name} leaves out properties, not a ${where.target}`,
              {
                ...extra,
                hint: "write @ignore on the properties to leave out of the schema",
              },
            ),
          );
        break;
      case "problem":
        collected.diagnostics.push(
          (meaning.severity === "error" ? errorAt : warningAt)(position, meaning.code, meaning.message, {
            ...extra,
            hint: meaning.hint,
          }),
        );
        break;
      case "documentation":
        break;
    }
  }
  return described;
}

function addMarker(
  collected: CollectedDoc,
  markerText: string,
  written: string,
  position: Position,
  { target, registry, fieldPath }: Where,
): void {
  const parsed = parseMarker(markerText, registry);
  const where = { fieldPath };
  if (parsed.status === "unknown") {
    const hint = parsed.suggestion ? `did you mean +${parsed.suggestion}?` : undefined;
    const caseVariant = caseVariantOf(parsed.name, registry);
    if (caseVariant) {
      // controller-gen ignores markers it does not know, and names are case-sensitive
      collected.diagnostics.push(
        warningAt(
          position,
          DiagnosticCode.unknownMarker,
          `unknown marker +${parsed.name} is ignored (marker names are case-sensitive), as controller-gen ignores it`,
          { ...where, hint: `did you mean +${caseVariant}?` },
        ),
      );
    } else if (parsed.name.startsWith("kubebuilder:")) {
      collected.diagnostics.push(
        errorAt(position, DiagnosticCode.unknownMarker, `unknown marker +${parsed.name}`, { ...where, hint }),
      );
    } else {
      collected.diagnostics.push(
        warningAt(position, DiagnosticCode.unknownMarker, `unknown marker +${parsed.name} is ignored`, {
          ...where,
          hint,
        }),
      );
    }
    return;
  }
  if (parsed.status === "malformed") {
    collected.diagnostics.push(errorAt(position, DiagnosticCode.malformedMarker, parsed.message, where));
    return;
  }
  addParsed(collected, parsed.definition, parsed.value, written, position, { target, registry, fieldPath });
}

/** Adds a marker whose value is known, when it may sit on the target. */
function addParsed(
  collected: CollectedDoc,
  definition: MarkerDefinition,
  value: MarkerValue,
  written: string,
  position: Position,
  { target, fieldPath }: Where,
): void {
  if (!definition.targets.includes(target)) {
    collected.diagnostics.push(
      errorAt(
        position,
        DiagnosticCode.wrongTarget,
        `+${definition.name} cannot be used on a ${target}; it applies to: ${definition.targets.join(", ")}`,
        { fieldPath },
      ),
    );
    return;
  }
  collected.markers.push({ definition, value, position, text: written });
}

/** controller-gen's extractDoc over Go's CommentGroup.Text(), for prose lines already stripped. */
export function cleanDescription(lines: readonly string[]): string | undefined {
  const collapsed: string[] = [];
  for (const line of lines) {
    const text = line.replace(/\s+$/, "");
    if (text === "" && (collapsed.length === 0 || collapsed[collapsed.length - 1] === "")) continue;
    collapsed.push(text);
  }
  while (collapsed.length > 0 && collapsed[collapsed.length - 1] === "") collapsed.pop();
  const out: string[] = [];
  let insideCodeBlock = false;
  for (const line of collapsed) {
    if (line.startsWith("```") || line.startsWith("~~~")) insideCodeBlock = !insideCodeBlock;
    if (!insideCodeBlock) {
      if (line.startsWith("TODO")) continue;
      if (line.startsWith("---")) break;
    }
    out.push(line);
  }
  const description = out.join("\n");
  return description === "" ? undefined : description;
}

/** The known marker a name spells with other letter cases (`kubebuilder:validation:nullable` → `nullable`). */
function caseVariantOf(name: string, registry: MarkerRegistry): string | undefined {
  const lower = name.toLowerCase();
  const shortLower = lower.startsWith("kubebuilder:validation:") ? lower.slice("kubebuilder:validation:".length) : "";
  return registry
    .definitions()
    .map((definition) => definition.name)
    .find((known) => known !== name && (known.toLowerCase() === lower || known.toLowerCase() === shortLower));
}
