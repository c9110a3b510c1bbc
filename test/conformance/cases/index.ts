/** Every conformance case, in report order. */
import type { ConformanceCase } from "../harness/case.js";
import { crdLifecycleCases } from "./crd_lifecycle.js";
import { crudCases } from "./crud.js";
import { discoveryCases } from "./discovery.js";
import { lifecycleCases } from "./lifecycle.js";
import { moreCases } from "./more.js";
import { optionCases } from "./options.js";
import { outputCases } from "./output.js";
import { readCases } from "./reads.js";
import { resourceVersionCases } from "./resource_versions.js";
import { schemaCases } from "./schema.js";
import { schemaMoreCases } from "./schema_more.js";
import { watchingCases } from "./watching.js";
import { writeCases } from "./writes.js";
import { writeMoreCases } from "./writes_more.js";

export const ALL_CASES: readonly ConformanceCase[] = [
  ...discoveryCases,
  ...crdLifecycleCases,
  ...crudCases,
  ...schemaCases,
  ...schemaMoreCases,
  ...readCases,
  ...writeCases,
  ...writeMoreCases,
  ...lifecycleCases,
  ...outputCases,
  ...moreCases,
  ...optionCases,
  ...watchingCases,
  ...resourceVersionCases,
];
