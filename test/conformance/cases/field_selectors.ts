/** Field selectors parsed as fields.ParseSelector does: no trimming, escapes, and empty terms. */
import type { ConformanceCase } from "../harness/case.js";
import { configMap, configMapsPath, expectStatus } from "./helpers.js";

export const fieldSelectorCases: ConformanceCase[] = [
  {
    area: "selectors",
    name: "field selectors: an empty term selects everything, spaces are part of the field, values unescape",
    async run(t) {
      expectStatus(await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("a,b") }), 422);
      expectStatus(await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("plain") }), 201);
      for (const selector of [
        "=",
        "metadata.name=plain,=",
        "metadata.name = plain",
        "metadata.name=pl=ain",
        "metadata.name=pl\\ain",
        "metadata.name=pl\\,ain",
        "=plain",
        " ",
        "metadata.name==plain,metadata.namespace!=x",
        "a,metadata.name",
      ]) {
        await t.http({ path: `${configMapsPath(t.namespace)}?fieldSelector=${encodeURIComponent(selector)}` });
      }
      // Selector syntax, then ListOptions validation, then the kind's field labels.
      await t.http({ path: `${configMapsPath(t.namespace)}?fieldSelector=foo%3Dbar&resourceVersionMatch=bogus` });
      await t.http({ path: `${configMapsPath(t.namespace)}?fieldSelector=foo&resourceVersionMatch=bogus` });
    },
  },
];
