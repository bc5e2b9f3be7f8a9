import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMetricsRegistry } from "@/lib/metrics/metrics";

// The example alert rules: every metric they name is one the app exports, and promtool's unit
// tests (alerts.test.yml) pass. promtool comes with Debian's `prometheus` package (.ci/run
// installs it); CI requires it, elsewhere the promtool half is left out with a notice.

const here = import.meta.dirname;
const rules = readFileSync(join(here, "alerts.yml"), "utf8");
const promtool = spawnSync("promtool", ["--version"], { encoding: "utf8" }).status === 0;
if (!promtool && !process.env.CI) {
  console.warn("NOTICE: no promtool (apt-get install prometheus): the alert rules' unit tests are skipped.");
}

describe("alert rules", () => {
  it("name only metrics the app exports", async () => {
    const exported = (await createMetricsRegistry({ sql: { query: async () => [] } }).scrape()).body;
    const named = new Set(
      rules
        .split("\n")
        .filter((line) => !line.trim().startsWith("#"))
        .flatMap((line) => line.match(/\b(?:inbox|nodejs|process)_\w+/g) ?? []),
    );
    expect(named.size).toBeGreaterThanOrEqual(4);
    for (const name of named) expect(exported, name).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
  });

  it.runIf(promtool || process.env.CI)("pass promtool's checks and unit tests", () => {
    const check = spawnSync("promtool", ["check", "rules", "alerts.yml"], { cwd: here, encoding: "utf8" });
    expect(check.error?.message ?? check.stdout + check.stderr).toContain("SUCCESS: 5 rules found");
    const test = spawnSync("promtool", ["test", "rules", "alerts.test.yml"], { cwd: here, encoding: "utf8" });
    expect(test.stdout + test.stderr).toContain("SUCCESS");
    expect(test.status).toBe(0);
  });
});
