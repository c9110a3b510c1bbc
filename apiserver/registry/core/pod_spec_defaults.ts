/**
 * The defaults core/v1 gives a PodSpec wherever one is embedded (pkg/apis/core/v1/defaults.go
 * SetDefaults_PodSpec, _Container, _Probe, _HTTPGetAction, volume sources, and the declarative
 * defaults of zz_generated.defaults.go), in the order the generated SetObjectDefaults functions
 * apply them. What only a Pod gets (SetDefaults_Pod) is in pods.ts.
 */

export type JsonObject = Record<string, unknown>;

/** The value as an object, or undefined when it is not one (the type check reports those). */
export function objectAt(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The objects of a list field, skipping what is not one. */
export function objectsAt(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.map(objectAt).filter((item): item is JsonObject => item !== undefined) : [];
}

const unset = (value: unknown): boolean => value === undefined || value === null || value === "";

function setDefault(object: JsonObject, field: string, value: unknown): void {
  if (unset(object[field])) object[field] = value;
}

const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const pathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
/** distribution/reference's grammar: [domain/]path[:tag][@digest]. */
const imageReference = new RegExp(
  `^(?:${domainComponent}(?:\\.${domainComponent})*(?::[0-9]+)?/)?${pathComponent}(?:/${pathComponent})*` +
    "(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}))?$",
);

/**
 * The tag parsers.ParseImageName finds: the written one, "latest" for a reference with neither
 * tag nor digest, "" for a digest alone or a reference it cannot parse.
 */
function imageTag(image: string): string {
  const match = imageReference.exec(image);
  if (!match) return "";
  return match[1] ?? (match[2] ? "" : "latest");
}

/** SetDefaults_Container: the pull policy from the tag, the termination message's path and policy. */
function defaultContainer(container: JsonObject): void {
  if (unset(container.imagePullPolicy)) {
    const image = typeof container.image === "string" ? container.image : "";
    container.imagePullPolicy = imageTag(image) === "latest" ? "Always" : "IfNotPresent";
  }
  setDefault(container, "terminationMessagePath", "/dev/termination-log");
  setDefault(container, "terminationMessagePolicy", "File");
  for (const port of objectsAt(container.ports)) setDefault(port, "protocol", "TCP");
  for (const variable of objectsAt(container.env)) {
    const from = objectAt(variable.valueFrom);
    const fieldRef = objectAt(from?.fieldRef);
    if (fieldRef) setDefault(fieldRef, "apiVersion", "v1");
    const fileKeyRef = objectAt(from?.fileKeyRef);
    if (fileKeyRef && (fileKeyRef.optional === undefined || fileKeyRef.optional === null)) fileKeyRef.optional = false;
  }
  for (const probeField of ["livenessProbe", "readinessProbe", "startupProbe"]) {
    const probe = objectAt(container[probeField]);
    if (!probe) continue;
    for (const [field, value] of [
      ["timeoutSeconds", 1],
      ["periodSeconds", 10],
      ["successThreshold", 1],
      ["failureThreshold", 3],
    ] as const) {
      if (probe[field] === undefined || probe[field] === null || probe[field] === 0) probe[field] = value;
    }
    defaultHttpGet(objectAt(probe.httpGet));
    const grpc = objectAt(probe.grpc);
    if (grpc && (grpc.service === undefined || grpc.service === null)) grpc.service = "";
  }
  const lifecycle = objectAt(container.lifecycle);
  defaultHttpGet(objectAt(objectAt(lifecycle?.postStart)?.httpGet));
  defaultHttpGet(objectAt(objectAt(lifecycle?.preStop)?.httpGet));
}

function defaultHttpGet(action: JsonObject | undefined): void {
  if (!action) return;
  setDefault(action, "path", "/");
  setDefault(action, "scheme", "HTTP");
}

/** The JSON names of a VolumeSource's members, one of which a volume sets. */
export const volumeSourceFields = [
  "emptyDir",
  "hostPath",
  "gitRepo",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "secret",
  "nfs",
  "iscsi",
  "glusterfs",
  "flocker",
  "persistentVolumeClaim",
  "rbd",
  "cinder",
  "cephfs",
  "quobyte",
  "downwardAPI",
  "fc",
  "flexVolume",
  "configMap",
  "azureFile",
  "vsphereVolume",
  "photonPersistentDisk",
  "portworxVolume",
  "azureDisk",
  "storageos",
  "projected",
  "scaleIO",
  "csi",
  "ephemeral",
  "image",
] as const;

/** 0644, the default file mode of secret, configMap, downwardAPI and projected volumes. */
const defaultFileMode = 420;

function defaultFieldRefs(items: unknown): void {
  for (const item of objectsAt(items)) {
    const fieldRef = objectAt(item.fieldRef);
    if (fieldRef) setDefault(fieldRef, "apiVersion", "v1");
  }
}

/** SetDefaults_Volume and the defaults of each volume source. */
function defaultVolume(volume: JsonObject): void {
  if (!volumeSourceFields.some((field) => volume[field] !== undefined && volume[field] !== null)) volume.emptyDir = {};
  const hostPath = objectAt(volume.hostPath);
  if (hostPath && (hostPath.type === undefined || hostPath.type === null)) hostPath.type = "";
  for (const field of ["secret", "configMap", "downwardAPI", "projected"]) {
    const source = objectAt(volume[field]);
    if (source && (source.defaultMode === undefined || source.defaultMode === null))
      source.defaultMode = defaultFileMode;
  }
  defaultFieldRefs(objectAt(volume.downwardAPI)?.items);
  for (const projection of objectsAt(objectAt(volume.projected)?.sources)) {
    defaultFieldRefs(objectAt(projection.downwardAPI)?.items);
    const token = objectAt(projection.serviceAccountToken);
    if (token && (token.expirationSeconds === undefined || token.expirationSeconds === null))
      token.expirationSeconds = 3600;
  }
  const iscsi = objectAt(volume.iscsi);
  if (iscsi) setDefault(iscsi, "iscsiInterface", "default");
  const rbd = objectAt(volume.rbd);
  if (rbd) {
    setDefault(rbd, "pool", "rbd");
    setDefault(rbd, "user", "admin");
    setDefault(rbd, "keyring", "/etc/ceph/keyring");
  }
  const azureDisk = objectAt(volume.azureDisk);
  if (azureDisk) {
    for (const [field, value] of [
      ["cachingMode", "ReadWrite"],
      ["fsType", "ext4"],
      ["readOnly", false],
      ["kind", "Shared"],
    ] as const) {
      if (azureDisk[field] === undefined || azureDisk[field] === null) azureDisk[field] = value;
    }
  }
  const scaleIO = objectAt(volume.scaleIO);
  if (scaleIO) {
    setDefault(scaleIO, "storageMode", "ThinProvisioned");
    setDefault(scaleIO, "fsType", "xfs");
  }
  const claimSpec = objectAt(objectAt(objectAt(volume.ephemeral)?.volumeClaimTemplate)?.spec);
  if (claimSpec) setDefault(claimSpec, "volumeMode", "Filesystem");
}

/**
 * SetDefaults_PodSpec and the defaults of everything a PodSpec holds (volumes, containers, their
 * ports, env, probes and lifecycle hooks), and every quantity in its stored form.
 */
export function defaultPodSpec(spec: JsonObject): void {
  // serviceAccount is the deprecated alias of serviceAccountName, which wins when both are set.
  if (unset(spec.serviceAccountName)) spec.serviceAccountName = spec.serviceAccount;
  if (unset(spec.serviceAccountName)) delete spec.serviceAccountName;
  if (spec.serviceAccountName === undefined) delete spec.serviceAccount;
  else spec.serviceAccount = spec.serviceAccountName;
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "restartPolicy", "Always");
  if (spec.securityContext === undefined || spec.securityContext === null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null)
    spec.terminationGracePeriodSeconds = 30;
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const volume of objectsAt(spec.volumes)) defaultVolume(volume);
  for (const field of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const container of objectsAt(spec[field])) defaultContainer(container);
  }
}
