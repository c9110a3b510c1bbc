/**
 * Kubernetes-aware version ordering (apimachinery's CompareKubeAwareVersionStrings): GA above
 * beta above alpha, then by major and minor number; versions not shaped like `v1beta2` rank below
 * all the others, among themselves in reverse lexical order.
 */
const kubeVersionPattern = /^v(\d+)(?:(alpha|beta)(\d+))?$/;
const stability = { alpha: 0, beta: 1, ga: 2 } as const;

function parse(version: string): { major: number; stability: number; minor: number } | undefined {
  const match = kubeVersionPattern.exec(version);
  if (!match) return undefined;
  const kind = (match[2] ?? "ga") as keyof typeof stability;
  return { major: Number(match[1]), stability: stability[kind], minor: Number(match[3] ?? 0) };
}

/** Positive when `a` ranks above `b`, negative when below, 0 when equal. */
export function compareKubeAwareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const [left, right] = [parse(a), parse(b)];
  if (!left && !right) return a < b ? 1 : -1;
  if (!left) return -1;
  if (!right) return 1;
  if (left.stability !== right.stability) return left.stability - right.stability;
  if (left.major !== right.major) return left.major - right.major;
  return left.minor - right.minor;
}

/**
 * The Warning a deprecated CRD version answers with when it declares none: it names the highest
 * served, non-deprecated version ranking above it, if there is one.
 */
export function defaultDeprecationWarning(
  spec: {
    group: string;
    names: { kind: string };
    versions: readonly { name: string; served: boolean; deprecated?: boolean }[];
  },
  deprecatedVersion: string,
): string {
  const message = `${spec.group}/${deprecatedVersion} ${spec.names.kind} is deprecated`;
  const newer = spec.versions
    .filter(
      (version) =>
        version.served && !version.deprecated && compareKubeAwareVersions(deprecatedVersion, version.name) < 0,
    )
    .map((version) => version.name)
    .sort((a, b) => compareKubeAwareVersions(b, a));
  return newer[0] ? `${message}; use ${spec.group}/${newer[0]} ${spec.names.kind}` : message;
}
