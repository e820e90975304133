import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/codeblocks/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // Finds or installs the Python that runs the lessons' code blocks.
    globalSetup: ["tests/support/python-setup.ts"],
    // Integration tests run real Astro builds; give them room on a 2-core machine.
    testTimeout: 120_000,
    environment: "node",
  },
});
