import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // Integration tests run real Astro builds; give them room on a 2-core machine.
    testTimeout: 120_000,
    environment: "node",
  },
});
