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
          selector: ":matches(PropertyDefinition, MethodDefinition, TSParameterProperty)[accessibility='private']",
          message: "Use an ECMAScript private name (#member) instead of TypeScript's `private`.",
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
