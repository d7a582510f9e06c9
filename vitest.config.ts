import { defineConfig } from "vitest/config";

// Unit tests sit next to the code they test (src/**); integration and browser tests live in test/.
const BROWSER_TESTS = ["test/browser.test.ts", "test/*.browser.test.ts"];

export default defineConfig({
  test: {
    environment: "node",
    globalSetup: ["test/support/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: BROWSER_TESTS,
          // Integration suites each start their own server and database; two workers match the CI machine.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: BROWSER_TESTS,
          // Each browser file runs a server and a chromium: one at a time, after the rest, so that two of
          // them never compete for the two cores and time out.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
