/**
 * Turns the text of one marker (after the `+`) into a definition and a value, following
 * controller-gen's lookup: first the whole name before `=` (anonymous argument form
 * `+kubebuilder:validation:Minimum=1`), then that name minus its last `:` segment (field form
 * `+kubebuilder:printcolumn:name=Age,type=date`).
 */
import {
  ArgumentScanner,
  ArgumentSyntaxError,
  describeArgumentType,
  parseArgument,
  type ArgumentValue,
} from "./argument.js";
import type { MarkerDefinition, MarkerRegistry, MarkerValue } from "./registry.js";

/** The outcome of parsing one marker. */
export type ParsedMarker =
  | { status: "ok"; definition: MarkerDefinition; value: MarkerValue }
  | { status: "unknown"; name: string; suggestion?: string }
  | { status: "malformed"; definition: MarkerDefinition; message: string };

// The same marker text recurs across fields and kinds; its parse depends only on the text.
const parsedByRegistry = new WeakMap<MarkerRegistry, Map<string, ParsedMarker>>();

/** Parses marker text such as `kubebuilder:validation:Minimum=1` (no leading `+`). */
export function parseMarker(text: string, registry: MarkerRegistry): ParsedMarker {
  let cache = parsedByRegistry.get(registry);
  if (!cache) parsedByRegistry.set(registry, (cache = new Map()));
  let parsed = cache.get(text);
  if (!parsed) cache.set(text, (parsed = parseUncached(text, registry)));
  return parsed;
}

function parseUncached(text: string, registry: MarkerRegistry): ParsedMarker {
  let trimmed = text.trim();
  // declarative-validation markers end at a `#` comment, as Kubernetes' codetags parser reads them
  if (trimmed.startsWith("k8s:") && trimmed.includes("#")) trimmed = trimmed.slice(0, trimmed.indexOf("#")).trim();
  const equals = trimmed.indexOf("=");
  const anonymousName = (equals >= 0 ? trimmed.slice(0, equals) : trimmed).trim();
  const anonymous = registry.get(anonymousName);
  if (anonymous) {
    return parseAnonymous(anonymous, equals >= 0 ? trimmed.slice(equals + 1) : undefined);
  }
  const segments = anonymousName.split(":");
  if (segments.length > 1) {
    const name = segments.slice(0, -1).join(":");
    const definition = registry.get(name);
    // `+kubebuilder:default:=Allow`: a marker whose one argument is anonymous takes what follows
    // the `=` whatever the last segment is, as controller-gen's Definition.Parse does
    if (definition?.args.length === 1 && definition.args[0]?.name === "")
      return parseAnonymous(definition, equals >= 0 ? trimmed.slice(equals + 1) : undefined);
    if (definition) return parseFields(definition, trimmed.slice(name.length + 1));
  }
  const suggestion = registry.suggest(anonymousName);
  return suggestion
    ? { status: "unknown", name: anonymousName, suggestion }
    : { status: "unknown", name: anonymousName };
}

function parseAnonymous(definition: MarkerDefinition, argumentText: string | undefined): ParsedMarker {
  const [first] = definition.args;
  if (definition.args.length === 0) {
    if (argumentText !== undefined && argumentText.trim() !== "") {
      return malformed(definition, `+${definition.name} takes no arguments`);
    }
    return { status: "ok", definition, value: {} };
  }
  if (first?.name !== "" || definition.args.length > 1) {
    // a field-form marker written without fields (`+kubebuilder:resource`)
    if (argumentText === undefined) return parseFields(definition, "");
    return malformed(definition, `+${definition.name} takes named arguments: ${signature(definition)}`);
  }
  if (argumentText === undefined) {
    if (first.type.kind === "bool") return { status: "ok", definition, value: { "": true } };
    if (first.optional) return { status: "ok", definition, value: {} };
    return malformed(
      definition,
      `+${definition.name} needs a value: +${definition.name}=<${describeArgumentType(first.type)}>`,
    );
  }
  try {
    const scanner = new ArgumentScanner(argumentText);
    const value = parseArgument(scanner, first.type);
    if (!scanner.atEnd()) {
      return malformed(
        definition,
        `unexpected ${JSON.stringify(scanner.text.slice(scanner.offset))} after the value of +${definition.name}`,
      );
    }
    return { status: "ok", definition, value: { "": value } };
  } catch (error) {
    return malformed(definition, `invalid argument for +${definition.name}: ${messageOf(error)}`);
  }
}

function parseFields(definition: MarkerDefinition, fieldsText: string): ParsedMarker {
  const value: Record<string, ArgumentValue> = {};
  const scanner = new ArgumentScanner(fieldsText);
  try {
    while (!scanner.atEnd()) {
      const nameMatch = /^\s*([A-Za-z][A-Za-z0-9]*)\s*/.exec(scanner.text.slice(scanner.offset));
      if (!nameMatch)
        throw new ArgumentSyntaxError(
          `expected an argument name at ${JSON.stringify(scanner.text.slice(scanner.offset))}`,
        );
      const name = nameMatch[1] as string;
      scanner.offset += nameMatch[0].length;
      const argument = definition.args.find((candidate) => candidate.name === name);
      if (!argument) {
        throw new ArgumentSyntaxError(`unknown argument ${JSON.stringify(name)} (expected ${signature(definition)})`);
      }
      if (name in value) throw new ArgumentSyntaxError(`argument ${JSON.stringify(name)} given twice`);
      if (scanner.peek() === "=") {
        scanner.offset++;
        value[name] = parseArgument(scanner, argument.type);
      } else if (argument.type.kind === "bool") {
        value[name] = true;
      } else {
        throw new ArgumentSyntaxError(`argument ${JSON.stringify(name)} needs a value`);
      }
      if (scanner.atEnd()) break;
      scanner.expect(",", "a comma between arguments");
    }
  } catch (error) {
    return malformed(definition, `invalid arguments for +${definition.name}: ${messageOf(error)}`);
  }
  const missing = definition.args.filter(
    (argument) => !argument.optional && argument.name !== "" && !(argument.name in value),
  );
  if (missing.length > 0) {
    return malformed(
      definition,
      `+${definition.name} is missing required argument${missing.length > 1 ? "s" : ""} ${missing.map((argument) => argument.name).join(", ")}`,
    );
  }
  return { status: "ok", definition, value };
}

/** `name=<string>,type=<string>,JSONPath=<string>[,priority=<integer>]`: the argument shape. */
export function signature(definition: MarkerDefinition): string {
  return definition.args
    .map((argument) => {
      const text =
        argument.name === ""
          ? `=<${describeArgumentType(argument.type)}>`
          : `${argument.name}=<${describeArgumentType(argument.type)}>`;
      return argument.optional ? `[${text}]` : text;
    })
    .join(argumentsSeparator(definition));
}

function argumentsSeparator(definition: MarkerDefinition): string {
  return definition.args.length > 0 && definition.args[0]?.name === "" ? "" : ",";
}

function malformed(definition: MarkerDefinition, message: string): ParsedMarker {
  return { status: "malformed", definition, message };
}

function messageOf(error: unknown): string {
  if (error instanceof ArgumentSyntaxError) return error.message;
  throw error;
}
