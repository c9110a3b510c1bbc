/** Bodies that must be bounded: nesting depth, YAML aliases, data sizes, and unknown fields of built-in kinds. */
import type { ConformanceCase } from "../harness/case.js";
import { configMapsPath } from "./helpers.js";

/** `depth` levels of arrays. */
const nestedArrays = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

/** A YAML ConfigMap whose `laughs` field expands nine times per level ("billion laughs"). */
function laughingConfigMap(name: string, levels: number): string {
  const names = "abcdefghi".slice(0, levels).split("");
  const anchors = names.map((anchor, index) =>
    index === 0
      ? `  ${anchor}: &${anchor} "lol"`
      : `  ${anchor}: &${anchor} [${Array(9)
          .fill(`*${names[index - 1]}`)
          .join(",")}]`,
  );
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\nlaughs:\n${anchors.join("\n")}\n`;
}

export const hostileInputCases: ConformanceCase[] = [
  {
    area: "bad-input",
    name: "a body nested deeper than 10,000 levels is a 400 and stores nothing; 10,000 levels decode",
    async run(t) {
      for (const [name, depth] of [
        ["too-deep", 10_000],
        ["deep-enough", 9_999],
      ] as const) {
        await t.http({
          method: "POST",
          path: configMapsPath(t.namespace),
          contentType: "application/json",
          body: `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"},"foo":${nestedArrays(depth)}}`,
        });
        await t.http({ path: configMapsPath(t.namespace, name) });
      }
    },
  },
  {
    area: "bad-input",
    name: "a YAML body with excessive aliasing is a 400; moderate aliasing expands",
    async run(t) {
      for (const [name, levels] of [
        ["laughs", 9],
        ["chuckles", 2],
      ] as const) {
        await t.http({
          method: "POST",
          path: `${configMapsPath(t.namespace)}?fieldValidation=Ignore`,
          contentType: "application/yaml",
          body: laughingConfigMap(name, levels),
        });
        await t.http({ path: configMapsPath(t.namespace, name) });
      }
    },
  },
];
