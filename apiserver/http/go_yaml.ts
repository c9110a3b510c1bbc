/**
 * YAML decoding with go-yaml's error wording (kube-apiserver turns YAML into JSON with
 * sigs.k8s.io/yaml, whose parser is libyaml's port). js-yaml finds the error; the common classes
 * are reworded as libyaml reports them, with go-yaml's line rule: a parser error names the
 * 0-based line of the token it stopped at, a scanner error the 1-based line, and an error on the
 * first line (0-based line 0) names none.
 * Rarer errors keep js-yaml's reason in go-yaml's `yaml: line N: ...` form.
 */
import yaml from "js-yaml";

function linesBefore(text: string, end: number): number {
  let lines = 0;
  for (let index = 0; index < end; index += 1) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) lines += 1;
  }
  return lines;
}

/** libyaml's mark for the end of the stream: a last line without a line break still counts. */
function streamEndLine(text: string): number {
  const lines = linesBefore(text, text.length);
  return text.length > 0 && !/[\r\n]$/.test(text) ? lines + 1 : lines;
}

/** The innermost flow collection still open at the end of `text`, by its opening bracket. */
function openFlowCollection(text: string): "[" | "{" | undefined {
  const open: ("[" | "{")[] = [];
  let previous = "\n";
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? "";
    if (char === "'" || char === '"') {
      // Skip a quoted scalar: '' escapes a single quote, a backslash escapes in double quotes.
      for (index += 1; index < text.length; index += 1) {
        if (char === '"' && text[index] === "\\") index += 1;
        else if (text[index] === char && !(char === "'" && text[index + 1] === "'")) break;
        else if (char === "'" && text[index] === "'") index += 1;
      }
    } else if (char === "#" && /\s/.test(previous)) {
      while (index < text.length && text[index] !== "\n") index += 1;
    } else if (
      (char === "[" || char === "{") &&
      (open.length > 0 ? /[\s,[{:]/.test(previous) : /[\n:\-?]/.test(previous))
    ) {
      open.push(char);
    } else if ((char === "]" || char === "}") && open.length > 0) {
      open.pop();
    }
    if (char !== " " && char !== "\t") previous = char;
  }
  return open[open.length - 1];
}

function withLine(line: number, problem: string): string {
  return line > 0 ? `yaml: line ${line}: ${problem}` : `yaml: ${problem}`;
}

/** go-yaml's message for the YAML error js-yaml raised on `text`. */
export function goYamlMessage(text: string, error: yaml.YAMLException): string {
  const reason = error.reason;
  const markLine = error.mark?.line ?? 0;
  if (reason.startsWith("unexpected end of the stream within a flow collection")) {
    const closing = openFlowCollection(text) === "{" ? "}" : "]";
    return withLine(streamEndLine(text), `did not find expected ',' or '${closing}'`);
  }
  if (/^unexpected end of the stream within a (single|double) quoted scalar/.test(reason)) {
    const line = linesBefore(text, text.length);
    return withLine(line > 0 ? line + 1 : 0, "found unexpected end of stream");
  }
  if (reason.startsWith("tab characters must not be used in indentation")) {
    const tab = text.indexOf("\t");
    const line = linesBefore(text, tab < 0 ? 0 : tab);
    return withLine(line > 0 ? line + 1 : 0, "found character that cannot start any token");
  }
  // Where js-yaml stopped on a character no token starts with, or on a ':' that a plain scalar ran
  // into, libyaml's scanner stopped there too.
  const stoppedAt = text.split(/\r?\n|\r/)[markLine]?.[error.mark?.column ?? 0];
  const scannerLine = markLine > 0 ? markLine + 1 : 0;
  if (stoppedAt === "@" || stoppedAt === "`")
    return withLine(scannerLine, "found character that cannot start any token");
  if (stoppedAt === ":" && reason.startsWith("bad indentation of a mapping entry")) {
    return withLine(scannerLine, "mapping values are not allowed in this context");
  }
  return withLine(markLine + 1, reason);
}

/** Parses one YAML document as JSON-compatible data; throws an Error carrying go-yaml's message. */
export function parseGoYaml(text: string): unknown {
  try {
    return yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException) throw new Error(goYamlMessage(text, error));
    throw error;
  }
}
