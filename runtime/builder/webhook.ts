/**
 * The webhook builder (controller-runtime's `builder.WebhookManagedBy`):
 * `webhookManagedBy(mgr).for(Machine).withDefaulter(d).withValidator(v).withConversion(spokes).complete()`
 * registers the kind's webhooks on the manager's webhook server at controller-runtime's paths
 * (`/mutate-<group with - for .>-<version>-<lower kind>`, `/validate-...`, `/convert`). It is sugar
 * over `mgr.getWebhookServer().register(path, ...)` and the handlers of `runtime/webhook`.
 */
import type { KubernetesObject } from "../object.js";
import type { KindDescriptor } from "../scheme/group_version.js";
import type { Manager } from "../manager/options.js";
import { admissionHttpHandler } from "../webhook/admission/webhook.js";
import {
  defaultingHandler,
  validatingHandler,
  type CustomDefaulter,
  type CustomValidator,
} from "../webhook/admission/custom.js";
import { conversionFor, type Spoke } from "../webhook/conversion/conversion.js";
import { conversionHttpHandler } from "../webhook/conversion/review.js";
import { BuilderError } from "./builder.js";

/** `/mutate-useless-container-training-v1alpha1-machine` for a kind (generateMutatePath). */
export function mutatePath(kind: KindDescriptor): string {
  return `/mutate-${kind.group.replaceAll(".", "-")}-${kind.version}-${kind.kind.toLowerCase()}`;
}

/** `/validate-useless-container-training-v1alpha1-machine` for a kind (generateValidatePath). */
export function validatePath(kind: KindDescriptor): string {
  return `/validate-${kind.group.replaceAll(".", "-")}-${kind.version}-${kind.kind.toLowerCase()}`;
}

/** The path of the conversion webhook, as controller-runtime serves it. */
export const CONVERT_PATH = "/convert";

/** The first step: `webhookManagedBy(mgr).for(Kind)`. */
export interface WebhookBuilderStart {
  for<T extends KubernetesObject>(kind: KindDescriptor<T>): WebhookBuilder<T>;
}

/** Starts a webhook builder for `mgr`. */
export function webhookManagedBy(mgr: Manager): WebhookBuilderStart {
  return { for: (kind) => new WebhookBuilder(mgr, kind) };
}

/** Collects a kind's webhooks; `complete()` registers them. */
export class WebhookBuilder<T extends KubernetesObject> {
  readonly #mgr: Manager;
  readonly #kind: KindDescriptor<T>;
  readonly #problems: string[] = [];
  #defaulter: CustomDefaulter<T> | undefined;
  #validator: CustomValidator<T> | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  #spokes: readonly Spoke<any, T>[] | undefined;
  #defaulterPath: string | undefined;
  #validatorPath: string | undefined;

  constructor(mgr: Manager, kind: KindDescriptor<T>) {
    this.#mgr = mgr;
    this.#kind = kind;
  }

  /** Defaults objects of the kind on create and update (a mutating webhook). */
  withDefaulter(defaulter: CustomDefaulter<T>): this {
    if (this.#defaulter) this.#problems.push("withDefaulter was called twice: give one defaulter per kind");
    this.#defaulter = defaulter;
    return this;
  }

  /** Validates creates, updates and deletes of the kind (a validating webhook). */
  withValidator(validator: CustomValidator<T>): this {
    if (this.#validator) this.#problems.push("withValidator was called twice: give one validator per kind");
    this.#validator = validator;
    return this;
  }

  /** Serves the defaulter at `path` instead of the generated one. */
  withDefaulterCustomPath(path: string): this {
    this.#defaulterPath = path;
    return this;
  }

  /** Serves the validator at `path` instead of the generated one. */
  withValidatorCustomPath(path: string): this {
    this.#validatorPath = path;
    return this;
  }

  /**
   * Makes the `for` kind the hub of its versions and converts the spokes to and from it at
   * `/convert` (the CRD's `spec.conversion.strategy: Webhook`).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  withConversion(spokes: readonly Spoke<any, T>[]): this {
    if (this.#spokes) this.#problems.push("withConversion was called twice: give every spoke in one call");
    this.#spokes = spokes;
    return this;
  }

  /**
   * Registers the webhooks on the manager's webhook server (a path already served is left as it
   * is, as controller-runtime does).
   * Errors: BuilderError for a kind not in the manager's scheme, a path that is not a webhook
   * path, a malformed conversion, or a method called twice.
   */
  complete(): void {
    const kind = this.#kind;
    const problems = [...this.#problems];
    if (!this.#mgr.getScheme().lookup(kind.apiVersion, kind.kind)) {
      problems.push(
        `kind ${kind.kind} of ${kind.apiVersion} is not in the manager's scheme: declare it with defineGroupVersion(...).kind(...) in the scheme the manager uses`,
      );
    }
    if (problems.length > 0) throw new BuilderError(problems);
    const server = this.#mgr.getWebhookServer();
    const logger = this.#mgr.getLogger().withName("webhook");
    const register = (path: string, handler: Parameters<typeof server.register>[1]): void => {
      if (server.isRegistered(path)) return;
      try {
        server.register(path, handler);
      } catch (err) {
        throw new BuilderError([err instanceof Error ? err.message : String(err)]);
      }
    };
    if (this.#defaulter) {
      const handler = admissionHttpHandler(defaultingHandler(kind, this.#defaulter), logger.withName("admission"));
      register(this.#defaulterPath ?? mutatePath(kind), handler);
    }
    if (this.#validator) {
      const handler = admissionHttpHandler(validatingHandler(kind, this.#validator), logger.withName("admission"));
      register(this.#validatorPath ?? validatePath(kind), handler);
    }
    if (this.#spokes) {
      const registry = this.#mgr.getConverterRegistry();
      try {
        registry.register(conversionFor(kind, this.#spokes));
      } catch (err) {
        throw new BuilderError([err instanceof Error ? err.message : String(err)]);
      }
      register(CONVERT_PATH, conversionHttpHandler(registry, logger.withName("conversion")));
    }
  }
}
