/**
 * The Table column descriptions kube-apiserver serves for this group's kinds: the API types'
 * swagger docs its printers (pkg/printers/internalversion/printers.go) quote, keyed by kind and column.
 */
export const columnDescriptions = {
  WebhookConfiguration: {
    Webhooks: "Webhooks indicates the number of webhooks registered in this configuration",
  },
  ValidatingAdmissionPolicy: {
    Validations: "Validations indicates the number of validation rules defined in this configuration",
    ParamKind: "ParamKind specifies the kind of resources used to parameterize this policy",
  },
  ValidatingAdmissionPolicyBinding: {
    PolicyName: "PolicyName indicates the policy definition which the policy binding binded to",
    ParamRef: "ParamRef indicates the param resource which sets the configuration param",
  },
} as const;
