/**
 * Writes a synthetic API project for the manifests benchmark: `kinds` kinds, each with a spec of
 * `fields` fields nested `depth` levels deep (a level's last fields hold the next level, once as
 * an object and once as a list), every field documented and most carrying a validation marker,
 * plus one controller file with an rbac marker per kind.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The shape of the synthetic API. */
export interface SyntheticApiOptions {
  readonly kinds: number;
  readonly fields: number;
  readonly depth: number;
  readonly group: string;
}

export const defaultSyntheticApi: SyntheticApiOptions = {
  kinds: 50,
  fields: 20,
  depth: 3,
  group: "bench.uselessctl.dev",
};

/** One leaf field of each flavour the generator maps, cycled through by index. */
function leafField(index: number): string {
  const name = `field${index}`;
  switch (index % 7) {
    case 0:
      return `  /**\n   * ${name} is a bounded count.\n   *\n   * +kubebuilder:validation:Minimum=0\n   * +kubebuilder:validation:Maximum=100\n   * +kubebuilder:default=1\n   * +optional\n   */\n  ${name}?: int32;`;
    case 1:
      return `  /**\n   * ${name} is a short name.\n   *\n   * +kubebuilder:validation:MaxLength=63\n   * +kubebuilder:validation:Pattern="^[a-z0-9-]+$"\n   */\n  ${name}: string;`;
    case 2:
      return `  /**\n   * ${name} is a mode.\n   *\n   * +kubebuilder:default=fast\n   * +optional\n   */\n  ${name}?: "fast" | "slow" | "off";`;
    case 3:
      return `  /** ${name} switches something on. */\n  ${name}?: boolean;`;
    case 4:
      return `  /**\n   * ${name} lists tags.\n   *\n   * +kubebuilder:validation:MaxItems=10\n   * +listType=set\n   * +optional\n   */\n  ${name}?: string[];`;
    case 5:
      return `  /** ${name} maps labels to values. */\n  ${name}?: Record<string, string>;`;
    default:
      return `  /** ${name} is a large counter. */\n  ${name}?: int64;`;
  }
}

function structSource(kind: string, level: number, options: SyntheticApiOptions): string {
  const name = `${kind}Level${level}`;
  const hasChild = level < options.depth;
  const leaves = options.fields - (hasChild ? 2 : 0);
  const lines = Array.from({ length: leaves }, (_, index) => leafField(index));
  if (hasChild) {
    const child = `${kind}Level${level + 1}`;
    lines.push(`  /** nested holds the next level. */\n  nested?: ${child};`);
    lines.push(
      `  /**\n   * nestedList holds more of the next level.\n   *\n   * +optional\n   */\n  nestedList?: ${child}[];`,
    );
  }
  return `/** ${name} is level ${level} of ${kind}'s spec. */\nexport interface ${name} {\n${lines.join("\n\n")}\n}\n`;
}

function kindSource(kind: string, options: SyntheticApiOptions): string {
  const levels = Array.from({ length: options.depth }, (_, index) => structSource(kind, index + 1, options));
  const plural = `${kind.toLowerCase()}s`;
  return `import type { int32, int64, ObjectMeta, ListMeta, Time } from "uselessctl";

${levels.join("\n")}
/** ${kind}Status is the observed state of a ${kind}. */
export interface ${kind}Status {
  /** ready says whether the ${kind} is serving. */
  ready?: boolean;
  /** lastSeen is when the ${kind} was last observed. */
  lastSeen?: Time;
}

/**
 * ${kind} is one of the synthetic benchmark kinds.
 *
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 * +kubebuilder:resource:path=${plural},shortName=${kind.toLowerCase()}
 * +kubebuilder:printcolumn:name="Ready",type=boolean,JSONPath=".status.ready"
 */
export interface ${kind} {
  /** apiVersion is the versioned schema of this object. */
  apiVersion?: string;
  /** kind is the REST resource this object represents. */
  kind?: string;
  /** metadata is a standard object metadata. */
  metadata?: ObjectMeta;
  /** spec is the desired state. */
  spec: ${kind}Level1;
  /** status is the observed state. */
  status?: ${kind}Status;
}

/**
 * ${kind}List contains a list of ${kind}.
 *
 * +kubebuilder:object:root=true
 */
export interface ${kind}List {
  /** apiVersion is the versioned schema of this object. */
  apiVersion?: string;
  /** kind is the REST resource this object represents. */
  kind?: string;
  /** metadata is the standard list metadata. */
  metadata?: ListMeta;
  /** items are the ${kind} objects. */
  items: ${kind}[];
}
`;
}

/**
 * Writes the project under `root` (api/v1/, controllers/) and returns the paths written, relative
 * to `root`. The caller supplies the tsconfig.json that makes `"uselessctl"` resolve.
 */
export function writeSyntheticApi(root: string, options: SyntheticApiOptions = defaultSyntheticApi): string[] {
  const written: string[] = [];
  const write = (path: string, content: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
    written.push(path);
  };
  write(
    "api/v1/groupversion_info.ts",
    `/**\n * Package v1 is the synthetic benchmark API.\n *\n * +groupName=${options.group}\n */\nexport const GroupVersion = { group: "${options.group}", version: "v1" } as const;\n`,
  );
  const kinds = Array.from({ length: options.kinds }, (_, index) => `Widget${String(index + 1).padStart(2, "0")}`);
  for (const kind of kinds) write(`api/v1/${kind.toLowerCase()}_types.ts`, kindSource(kind, options));
  const rbac = kinds.map(
    (kind) =>
      `// +kubebuilder:rbac:groups=${options.group},resources=${kind.toLowerCase()}s,verbs=get;list;watch;update;patch`,
  );
  write(
    "controllers/widget_controller.ts",
    `${rbac.join("\n")}\n\n/** The controller of every synthetic kind. */\nexport const widgetController = "synthetic";\n`,
  );
  return written;
}
