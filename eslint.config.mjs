import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

// Root imports of the provider packages load every resource module (provider-aws: 2,212 modules,
// ~4.5 s and ~560 MB per process). Only deep imports such as "@cdktf/provider-aws/lib/vpc" are allowed.
const providerRoots = ["@cdktf/provider-aws", "@cdktf/provider-postgresql", "@cdktf/provider-random"];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/cdktf.out/**",
      ".tmp/**",
      "bench/work/**",
      "coverage/**",
      "docs/api/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: providerRoots.map((name) => ({
            name,
            message: `Import from "${name}/lib/<resource>" instead: the package root loads every resource module.`,
          })),
          patterns: [
            {
              group: ["@aurora-cdktf/*/src/private/*", "**/../*/src/private/*"],
              message: "Never import another package's private helpers.",
            },
          ],
        },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
