/**
 * TypeScript enums (`enum`, `const enum`, `declare enum`) as CRD enums: a string enum is a string
 * enum, a numeric one an integer (or number) enum, with the members' values in declaration order,
 * as `+kubebuilder:validation:Enum` lists them for a Go type. Values come from the checker, so
 * computed constant members (`B = A * 2`) count too.
 */
import type * as ts from "typescript";
import typescript from "../typescript.js";
import { DiagnosticCode, positionOf, warningAt, type Position } from "../diagnostics.js";
import { collectFromNode, docTagsOf } from "../markers/collect.js";
import { invalid, type ModelContext } from "./from_typescript.js";
import type { TypeModel } from "./model.js";

/** The enum model of every member of `declaration` (and of the declarations merged with it). */
export function enumModel(declaration: ts.EnumDeclaration, context: ModelContext): TypeModel {
  const name = declaration.name.text;
  const symbol = context.checker.getSymbolAtLocation(declaration.name);
  const declarations = symbol?.declarations?.filter(typescript.isEnumDeclaration) ?? [declaration];
  const values: (string | number)[] = [];
  for (const member of declarations.flatMap((each) => [...each.members])) {
    reportMemberDoc(member, name, context);
    const value = context.checker.getConstantValue(member);
    if (value === undefined) {
      return invalid(
        context,
        member,
        name,
        `the member ${member.name.getText()} of enum ${name} has no constant value`,
        "give it a string or number literal",
      );
    }
    values.push(value);
  }
  const type = valueType(values);
  if (!type) {
    return invalid(
      context,
      declaration.name,
      name,
      `enum ${name} mixes string and number members; a CRD enum has one type`,
      "give every member a string value",
    );
  }
  if (values.length === 0) return invalid(context, declaration.name, name, `enum ${name} has no members`);
  return { kind: "enum", type, values, markers: [], position: positionOf(declaration.name) };
}

/** `Color.Red` written as a type: an enum of that one value. */
export function enumMemberModel(member: ts.EnumMember, context: ModelContext, position: Position): TypeModel {
  const value = context.checker.getConstantValue(member);
  const type = value === undefined ? undefined : valueType([value]);
  if (value === undefined || !type)
    return invalid(
      context,
      member,
      member.name.getText(),
      `the enum member ${member.name.getText()} has no constant value`,
    );
  return { kind: "enum", type, values: [value], markers: [], position };
}

function valueType(values: readonly (string | number)[]): "string" | "integer" | "number" | undefined {
  if (values.every((value) => typeof value === "string")) return "string";
  if (!values.every((value) => typeof value === "number")) return undefined;
  return values.every((value) => Number.isInteger(value)) ? "integer" : "number";
}

/** controller-gen reads no markers on a Go enum's constants: tags and markers on members are said to do nothing. */
function reportMemberDoc(member: ts.EnumMember, enumName: string, context: ModelContext): void {
  const tags = docTagsOf(member).map((tag) => ({ position: tag.position, text: `@${tag.name}` }));
  // markers as the comment reader finds them, for their positions (its verdicts do not apply here)
  const markers = collectFromNode(member, "field", context.registry)
    .markers.filter((marker) => !marker.text.startsWith("@"))
    .map((marker) => ({ position: marker.position, text: `+${marker.text}` }));
  for (const { position, text } of [...tags, ...markers]) {
    context.diagnostics.push(
      warningAt(
        position,
        DiagnosticCode.unsupportedTag,
        `${text} on the enum member ${enumName}.${member.name.getText()} is ignored: members carry values only`,
        { hint: `write it on the enum ${enumName} or on the fields that use it` },
      ),
    );
  }
}
