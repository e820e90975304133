// @ts-check
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";
import globals from "globals";

export default defineConfig(
  {
    ignores: [
      "dist/",
      "dist-base/",
      ".astro/",
      "node_modules/",
      "test-results/",
      "playwright-report/",
      "tests/fixtures/",
      // Generated from the readable inline scripts (src/scripts/minify.ts).
      "src/**/*.min.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["src/scripts/**/*.js", "src/search/**/*.js", "src/progress/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
