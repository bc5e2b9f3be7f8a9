// The whole test suite, as CI runs it: static checks, unit and integration tests (on the
// embedded PGlite and on PostgreSQL when one is reachable), a production build, and the
// browser tests in Chromium. Stops at the first failing stage.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const stages: [string, string[]][] = [
  ["format", ["npx", "prettier", "--check", "."]],
  ["lint", ["npx", "eslint", "."]],
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["unit and integration tests", ["npx", "vitest", "run"]],
  ["production build", ["npm", "run", "build"]],
  ["browser tests", ["npx", "playwright", "test"]],
];

// Without a system Chromium (a laptop), let Playwright fetch its own browser first.
if (!process.env.PLAYWRIGHT_CHROMIUM_PATH && !existsSync("/usr/bin/chromium")) {
  stages.splice(stages.length - 1, 0, ["browser for tests", ["npx", "playwright", "install", "chromium"]]);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
for (const [name, [command, ...args]] of stages) {
  console.log(`\n=== ${name}: ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command ?? "", args, { stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds}s.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds}s)`);
}
console.log("\nAll tests passed.");
