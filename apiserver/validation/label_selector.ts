/**
 * metav1 LabelSelector validation with apimachinery's wording (pkg/apis/meta/v1/validation:
 * ValidateLabelSelector, ValidateLabels), and the check every workload makes that its selector
 * selects its own pod template ("`selector` does not match template `labels`").
 */
import {
  labelValueErrors,
  LabelSelectorError,
  qualifiedNameErrors,
  selectorFromLabelSelector,
  type LabelSelector,
  type Selector,
} from "../../apimachinery/index.js";
import { goJsonMarshal } from "../errors/go_format.js";
import { fieldErrors, type FieldError } from "../errors/status.js";

/** ValidateLabels: each key a qualified name, each value a label value, errors on the map's path. */
export function validateLabels(labels: Readonly<Record<string, unknown>> | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const message of qualifiedNameErrors(key)) errors.push(fieldErrors.invalid(path, key, message));
    for (const message of labelValueErrors(String(value))) errors.push(fieldErrors.invalid(path, value, message));
  }
  return errors;
}

/**
 * ValidateLabelSelector: matchLabels as labels, each matchExpressions entry's operator, its values
 * for that operator, its key and (unless `allowInvalidLabelValue`, kept for stored objects that
 * predate the check) each value.
 */
export function validateLabelSelector(
  selector: LabelSelector | null | undefined,
  path: string,
  options: { allowInvalidLabelValue?: boolean } = {},
): FieldError[] {
  if (!selector) return [];
  const errors = validateLabels(selector.matchLabels, `${path}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((expression, index) => {
    const at = `${path}.matchExpressions[${index}]`;
    const values = expression.values ?? [];
    switch (expression.operator) {
      case "In":
      case "NotIn":
        if (values.length === 0)
          errors.push(fieldErrors.required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case "Exists":
      case "DoesNotExist":
        if (values.length > 0)
          errors.push(
            fieldErrors.forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
          );
        break;
      default:
        errors.push(fieldErrors.invalid(`${at}.operator`, expression.operator ?? "", "not a valid selector operator"));
    }
    for (const message of qualifiedNameErrors(expression.key ?? ""))
      errors.push(fieldErrors.invalid(`${at}.key`, expression.key ?? "", message));
    if (!options.allowInvalidLabelValue) {
      values.forEach((value, valueIndex) => {
        for (const message of labelValueErrors(value))
          errors.push(fieldErrors.invalid(`${at}.values[${valueIndex}]`, value, message));
      });
    }
  });
  return errors;
}

/**
 * LabelSelectorHasInvalidLabelValue: whether a stored selector holds an expression value that
 * today's rules refuse, so that its updates may keep it.
 */
export function labelSelectorHasInvalidLabelValue(selector: LabelSelector | null | undefined): boolean {
  return (selector?.matchExpressions ?? []).some((expression) =>
    (expression.values ?? []).some((value) => labelValueErrors(value).length > 0),
  );
}

/** Whether a selector has no requirement at all (the workloads' "empty selector is invalid"). */
export function isEmptyLabelSelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
}

/**
 * metav1.LabelSelectorAsSelector: undefined when the selector does not convert (an error the
 * callers report in their own words); a missing selector selects nothing, as labels.Nothing().
 */
export function labelSelectorAsSelector(selector: LabelSelector | null | undefined): Selector | "nothing" | undefined {
  if (!selector) return "nothing";
  try {
    return selectorFromLabelSelector(selector);
  } catch (error) {
    if (error instanceof LabelSelectorError) return undefined;
    throw error;
  }
}

/**
 * A LabelSelector as Go marshals metav1.LabelSelector (matchLabels, then matchExpressions, each
 * omitted when empty; map keys sorted), for `Invalid value: {...}` messages.
 */
export function renderLabelSelector(selector: LabelSelector | null | undefined): string {
  if (!selector) return "null";
  const ordered: Record<string, unknown> = {};
  if (selector.matchLabels && Object.keys(selector.matchLabels).length)
    ordered.matchLabels = JSON.parse(goJsonMarshal(selector.matchLabels)) as unknown;
  if (selector.matchExpressions?.length)
    ordered.matchExpressions = selector.matchExpressions.map(({ key, operator, values }) => ({
      key,
      operator,
      ...(values?.length ? { values } : {}),
    }));
  return goJsonMarshal(ordered, true);
}

/**
 * The template check of ValidatePodTemplateSpecForReplicaSet and its siblings: the selector must
 * select the template's own labels. An empty selector selects everything; a missing one selects
 * nothing, so it fails here too, beside its "Required value".
 */
export function validateSelectorMatchesTemplate(
  selector: Selector | "nothing",
  templateLabels: Readonly<Record<string, string>> | undefined,
  templatePath: string,
): FieldError[] {
  if (selector !== "nothing" && selector.matches(templateLabels)) return [];
  return [
    fieldErrors.invalid(
      `${templatePath}.metadata.labels`,
      templateLabels ?? null,
      "`selector` does not match template `labels`",
    ),
  ];
}
