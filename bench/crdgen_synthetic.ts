/**
 * Writes a synthetic API project: `kinds` kinds × `fields` fields × `depth` nesting levels,
 * using the "uselessctl" types and a spread of markers. Used by bench/crdgen.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes the project under `root` and returns its API files. */
export function writeSyntheticApi(root: string, shape: { kinds: number; fields: number; depth: number }): string[] {
  const versionDir = join(root, "api", "v1");
  mkdirSync(versionDir, { recursive: true });
  const files = [join(versionDir, "groupversion_info.ts")];
  writeFileSync(files[0] as string, "/** +groupName=bench.example.com */\nexport {};\n");
  for (let k = 0; k < shape.kinds; k++) {
    const kind = `Kind${k}`;
    const lines = ['import type { Condition, int32, ObjectMeta, Quantity, Time, TypeMeta } from "uselessctl";', ""];
    for (let level = shape.depth; level >= 1; level--) {
      lines.push(`/** ${kind}Level${level} is nesting level ${level}. */`, `export interface ${kind}Level${level} {`);
      for (let f = 0; f < shape.fields; f++) {
        lines.push(...field(f, level < shape.depth ? `${kind}Level${level + 1}` : undefined));
      }
      lines.push("}", "");
    }
    lines.push(
      `/**`,
      ` * ${kind} is a synthetic kind.`,
      ` * +kubebuilder:object:root=true`,
      ` * +kubebuilder:subresource:status`,
      ` * +kubebuilder:printcolumn:name="Age",type="date",JSONPath=".metadata.creationTimestamp"`,
      ` */`,
      `export interface ${kind} extends TypeMeta {`,
      `  metadata?: ObjectMeta;`,
      `  spec?: ${kind}Level1;`,
      `  status?: { conditions?: Condition[] };`,
      `}`,
    );
    const file = join(versionDir, `kind${k}_types.ts`);
    writeFileSync(file, lines.join("\n") + "\n");
    files.push(file);
  }
  return files;
}

function field(index: number, nested: string | undefined): string[] {
  const name = `field${index}`;
  switch (index % 8) {
    case 0:
      return nested ? [`  /** ${name} nests the next level. */`, `  ${name}?: ${nested};`] : [`  ${name}?: string;`];
    case 1:
      return [
        `  /**`,
        `   * ${name} is a bounded count.`,
        `   * +kubebuilder:validation:Minimum=0`,
        `   * +kubebuilder:validation:Maximum=100`,
        `   * +kubebuilder:default=1`,
        `   */`,
        `  ${name}?: int32;`,
      ];
    case 2:
      return [`  /** ${name} is one of three. */`, `  ${name}?: "a" | "b" | "c";`];
    case 3:
      return [`  /** @maxLength 63\n   * @pattern ^[a-z]+$ */`, `  ${name}: string;`];
    case 4:
      return [`  ${name}?: Record<string, string>;`];
    case 5:
      return [`  /** +listType=set */`, `  ${name}?: string[];`];
    case 6:
      return [`  ${name}?: Quantity;`];
    default:
      return [`  ${name}?: Time;`];
  }
}
