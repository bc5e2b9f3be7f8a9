import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests sit beside the code they test (`*.test.ts`).
// Browser tests are Playwright's (e2e/), not Vitest's.
export default defineConfig({
  resolve: { alias: { "@": resolve(import.meta.dirname) } },
  test: {
    include: ["{app,components,lib,simulator,scripts,deploy}/**/*.test.{ts,tsx}", "server.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // How long expect.poll waits for what another instance or socket sends (a bound, not a
    // speed target): the default second was too short for the PostgreSQL adapter's round trip
    // on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000 } },
    // PGlite instances are memory-hungry; keep parallelism modest on 2-core machines.
    maxWorkers: 2,
  },
});
