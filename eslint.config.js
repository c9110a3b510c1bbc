// Lint rules for the whole repository: typescript-eslint's strict set, formatting left to prettier.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // runtime/apis/k8s/ is generated (hack/apis) and formatted by its generator.
    ignores: ["node_modules/", "dist/", ".uselessctl/", "**/testdata/", "templates/", "bin/", "runtime/apis/k8s/"],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" },
    },
    rules: {
      // One way to keep members private: ECMAScript's `#`, which TypeScript and JavaScript both enforce.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            ":matches(PropertyDefinition, MethodDefinition[kind!='constructor'], TSParameterProperty)[accessibility='private']",
          message: "Use an ECMAScript private name (#member) instead of TypeScript's `private`.",
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Objects here are JSON documents whose keys users choose: pruning, patching and defaulting delete
      // keys by name, and a Map would change the data's shape on the wire.
      "@typescript-eslint/no-dynamic-delete": "off",
    },
  },
  {
    // The UI's pages: plain ES modules that run in the browser, served as they are (no build step).
    files: ["ui/static/**/*.js", "board/**/*.js"],
    languageOptions: {
      globals: Object.fromEntries(
        [
          "document",
          "location",
          "fetch",
          "setTimeout",
          "setInterval",
          "addEventListener",
          "requestAnimationFrame",
          "performance",
          "AbortController",
          "TextDecoderStream",
          "FormData",
          "CSS",
        ].map((name) => [name, "readonly"]),
      ),
    },
  },
  {
    // In tests and benchmarks a `!` on a value the test just produced fails the test when it is
    // absent, which is what a test wants; product code keeps the rule.
    files: ["**/*.test.ts", "test/**", "bench/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
