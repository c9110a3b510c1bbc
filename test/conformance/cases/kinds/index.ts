/**
 * Every kind's conformance cases, built from the fixtures of each group's file (kind_fixture.ts
 * says how to write one). Add a group's fixtures to the list below.
 */
import type { ConformanceCase } from "../../harness/case.js";
import { appsFixtures } from "./apps.js";
import { batchFixtures } from "./batch.js";
import { builtInRouteCases } from "./built_in_routes.js";
import { coordinationFixtures } from "./coordination.js";
import { coreConfigFixtures } from "./core_config.js";
import { corePodsFixtures, podSubresourceCases, quantityCases } from "./core_pods.js";
import { coreServicesFixtures } from "./core_services.js";
import { discoveryFixtures } from "./discovery.js";
import { eventsFixtures } from "./events.js";
import { kindCases } from "./kind_cases.js";
import { networkingFixtures } from "./networking.js";
import { notServedCases } from "./not_served.js";
import { policyFixtures } from "./policy.js";

export const perKindCases: readonly ConformanceCase[] = [
  ...builtInRouteCases,
  ...notServedCases,
  ...podSubresourceCases,
  ...quantityCases,
  ...kindCases([
    ...coreConfigFixtures,
    ...corePodsFixtures,
    ...coordinationFixtures,
    ...eventsFixtures,
    ...appsFixtures,
    ...batchFixtures,
    ...coreServicesFixtures,
    ...networkingFixtures,
    ...discoveryFixtures,
    ...policyFixtures,
  ]),
];
