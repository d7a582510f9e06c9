import { defineConfig } from "vitest/config";

// Unit tests sit next to the code they test (src/**); integration and browser tests live in test/.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/support/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites each start their own server and database; two workers match the CI machine.
    pool: "forks",
    maxWorkers: 2,
  },
});
