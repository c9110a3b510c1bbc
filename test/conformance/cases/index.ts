/** Every conformance case, in report order. */
import { conversionWebhookCases } from "./conversion_webhooks.js";
import type { ConformanceCase } from "../harness/case.js";
import { admissionWebhookCases } from "./admission_webhooks.js";
import { authenticationCases } from "./authentication.js";
import { crdLifecycleCases } from "./crd_lifecycle.js";
import { crdSchemaTypeCases } from "./crd_schema_types.js";
import { crdVersionCases } from "./crd_versions.js";
import { crudCases } from "./crud.js";
import { clusterKindCases } from "./cluster_kinds.js";
import { crudKindCases } from "./crud_kinds.js";
import { deepValueCases } from "./deep_values.js";
import { discoveryCases } from "./discovery.js";
import { fieldSelectorCases } from "./field_selectors.js";
import { generationCases } from "./generation.js";
import { hostileInputCases } from "./hostile_input.js";
import { invalidMessageCases } from "./invalid_messages.js";
import { kubectlVerbCases } from "./kubectl_verbs.js";
import { lifecycleCases } from "./lifecycle.js";
import { listMapFieldCases } from "./list_map_fields.js";
import { namespaceTerminationCases } from "./namespace_termination.js";
import { openApiCases } from "./openapi.js";
import { protobufCases } from "./protobuf.js";
import { optionCases } from "./options.js";
import { outputCases } from "./output.js";
import { printerColumnCases } from "./printer_columns.js";
import { rbacCases } from "./rbac.js";
import { readCases } from "./reads.js";
import { resourceVersionCases } from "./resource_versions.js";
import { schemaCases } from "./schema.js";
import { celRuleCases } from "./cel_rules.js";
import { validationRuleCases } from "./validation_rules.js";
import { serverSideApplyCases } from "./server_side_apply.js";
import { serviceNetworkCases } from "./service_network.js";
import { statusSubresourceCases } from "./status_subresource.js";
import { typedDecodingCases } from "./typed_decoding.js";
import { watchingCases } from "./watching.js";
import { updateRuleCases } from "./update_rules.js";
import { watchEventCases } from "./watch_events.js";
import { writeCases } from "./writes.js";
import { perKindCases } from "./kinds/index.js";
import { admissionPolicyCases } from "./admission_policy.js";
import { admissionPolicyRequestCases } from "./admission_policy_requests.js";

export const ALL_CASES: readonly ConformanceCase[] = [
  ...discoveryCases,
  ...openApiCases,
  ...crdLifecycleCases,
  ...crdVersionCases,
  ...crudCases,
  ...crudKindCases,
  ...serviceNetworkCases,
  ...clusterKindCases,
  ...schemaCases,
  ...validationRuleCases,
  ...celRuleCases,
  ...readCases,
  ...fieldSelectorCases,
  ...writeCases,
  ...serverSideApplyCases,
  ...listMapFieldCases,
  ...statusSubresourceCases,
  ...generationCases,
  ...lifecycleCases,
  ...outputCases,
  ...kubectlVerbCases,
  ...optionCases,
  ...watchingCases,
  ...resourceVersionCases,
  ...hostileInputCases,
  ...protobufCases,
  ...typedDecodingCases,
  ...deepValueCases,
  ...updateRuleCases,
  ...watchEventCases,
  ...crdSchemaTypeCases,
  ...printerColumnCases,
  ...namespaceTerminationCases,
  ...invalidMessageCases,
  ...perKindCases,
  ...admissionPolicyCases,
  ...admissionPolicyRequestCases,
  ...admissionWebhookCases,
  ...authenticationCases,
  ...rbacCases,
  ...conversionWebhookCases,
];
