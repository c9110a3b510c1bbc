/**
 * CRD conversion for plain-object kinds, hub and spokes as controller-runtime's conversion package:
 * one version of a kind is the hub, every other version (a spoke) converts to and from it, and a
 * conversion between two spokes goes through the hub. {@link conversionHttpHandler} answers a
 * ConversionReview v1 at `/convert`.
 */
import type { KubernetesObject } from "../../object.js";
import type { KindDescriptor } from "../../scheme/group_version.js";

/** A spoke version of a kind and its conversions to and from the hub. */
export interface Spoke<S extends KubernetesObject = KubernetesObject, H extends KubernetesObject = KubernetesObject> {
  readonly kind: KindDescriptor<S>;
  /** The hub object for a spoke object; its apiVersion, kind and (when unset) metadata are filled in. */
  convertTo(spoke: S): H | Promise<H>;
  /** The spoke object for a hub object; its apiVersion, kind and (when unset) metadata are filled in. */
  convertFrom(hub: H): S | Promise<S>;
}

/** A kind's hub and its spokes, from {@link conversionFor}. */
export interface HubConversion {
  readonly hub: KindDescriptor;
  readonly spokes: ReadonlyMap<string, Spoke>;
}

/** Raised by {@link conversionFor} and {@link ConversionRegistry.register} for a malformed conversion. */
export class ConversionSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConversionSetupError";
  }
}

/**
 * The conversion of `hub`'s kind: each spoke is another version of the same group and kind.
 * Errors: ConversionSetupError for a spoke of another group or kind, of the hub's version, or a
 * version given twice.
 */
export function conversionFor<H extends KubernetesObject>(
  hub: KindDescriptor<H>,
  // Each spoke has its own object type: `any` lets a list of them hold `Spoke<MachineV1alpha1, Machine>`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spokes: readonly Spoke<any, H>[],
): HubConversion {
  const byVersion = new Map<string, Spoke>();
  for (const spoke of spokes) {
    const where = `conversion of ${hub.kind} (hub ${hub.apiVersion}): spoke ${spoke.kind.kind} of ${spoke.kind.apiVersion}`;
    if (spoke.kind.group !== hub.group || spoke.kind.kind !== hub.kind) {
      throw new ConversionSetupError(`${where} is another group or kind; a spoke is another version of the hub's kind`);
    }
    if (spoke.kind.version === hub.version) throw new ConversionSetupError(`${where} is the hub's own version`);
    if (byVersion.has(spoke.kind.version)) throw new ConversionSetupError(`${where} is given twice`);
    byVersion.set(spoke.kind.version, spoke as Spoke);
  }
  if (byVersion.size === 0) {
    throw new ConversionSetupError(
      `conversion of ${hub.kind} (hub ${hub.apiVersion}): no spokes; give each other version`,
    );
  }
  return { hub, spokes: byVersion };
}

/** The conversions a webhook server answers for, by group and kind (controller-runtime's conversion Registry). */
export class ConversionRegistry {
  readonly #byGroupKind = new Map<string, HubConversion>();

  /** Errors: ConversionSetupError when the kind already has a conversion. */
  register(conversion: HubConversion): void {
    const key = `${conversion.hub.kind}.${conversion.hub.group}`;
    if (this.#byGroupKind.has(key)) throw new ConversionSetupError(`${key} already has a conversion registered`);
    this.#byGroupKind.set(key, conversion);
  }

  lookup(group: string, kind: string): HubConversion | undefined {
    return this.#byGroupKind.get(`${kind}.${group}`);
  }

  get size(): number {
    return this.#byGroupKind.size;
  }
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf("/");
  return slash < 0
    ? { group: "", version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** `result` as an object of `apiVersion`, keeping the source's metadata when the converter set none. */
function finish(result: KubernetesObject, source: KubernetesObject, apiVersion: string): KubernetesObject {
  if (result === null || typeof result !== "object") {
    throw new Error(`the converter to ${apiVersion} returned ${String(result)}, not an object`);
  }
  return { ...result, apiVersion, kind: source.kind, metadata: result.metadata ?? structuredClone(source.metadata) };
}

/**
 * Converts one object to `desiredAPIVersion` with the registry's conversions.
 * Errors: names the object's kind and versions when there is no conversion, or the converter's failure.
 */
export async function convertObject(
  registry: ConversionRegistry,
  object: KubernetesObject,
  desiredAPIVersion: string,
): Promise<KubernetesObject> {
  const sourceApiVersion = object.apiVersion ?? "";
  const kind = object.kind ?? "";
  const source = splitApiVersion(sourceApiVersion);
  const target = splitApiVersion(desiredAPIVersion);
  const what = `${kind} of ${sourceApiVersion}`;
  if (!sourceApiVersion || !kind) throw new Error("an object to convert has no apiVersion or kind");
  if (source.group !== target.group) {
    throw new Error(`${what} and ${desiredAPIVersion} do not belong to the same API group`);
  }
  if (source.version === target.version) throw new Error(`conversion is not allowed between the same version: ${what}`);
  const conversion = registry.lookup(source.group, kind);
  if (!conversion)
    throw new Error(`${what} is not convertible: no conversion is registered for ${kind}.${source.group}`);
  const { hub, spokes } = conversion;
  const spokeOf = (version: string): Spoke => {
    const spoke = spokes.get(version);
    if (!spoke) throw new Error(`no kind "${kind}" is registered for version "${source.group}/${version}"`);
    return spoke;
  };
  const input = structuredClone(object);
  if (source.version === hub.version) {
    return finish(await spokeOf(target.version).convertFrom(input), object, desiredAPIVersion);
  }
  const sourceSpoke = spokeOf(source.version);
  if (target.version === hub.version) return finish(await sourceSpoke.convertTo(input), object, desiredAPIVersion);
  const targetSpoke = spokeOf(target.version);
  let hubObject: KubernetesObject;
  try {
    hubObject = finish(await sourceSpoke.convertTo(input), object, hub.apiVersion);
  } catch (err) {
    throw new Error(`${what} failed to convert to hub version ${hub.apiVersion}: ${message(err)}`, { cause: err });
  }
  try {
    return finish(await targetSpoke.convertFrom(hubObject), object, desiredAPIVersion);
  } catch (err) {
    throw new Error(
      `${kind} of ${desiredAPIVersion} failed to convert from hub version ${hub.apiVersion}: ${message(err)}`,
      {
        cause: err,
      },
    );
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
