import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function startServer(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

/** The server's output as log entries: every line must be one JSON object (production's format). */
function entries(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("server start with bad configuration", () => {
  it("stops with one fatal log line naming the variable, not a stack trace", () => {
    const result = startServer({ DATABASE_URL: "mysql://x", APP_SECRET: "x".repeat(40) });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    expect(entries(result.stdout)).toEqual([
      expect.objectContaining({
        level: "fatal",
        msg: "Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
      }),
    ]);
  });

  it("refuses to start in production without APP_SECRET", () => {
    const result = startServer({ APP_SECRET: "", DEMO_MODE: "" });
    expect(result.status).toBe(1);
    const [entry, ...rest] = entries(result.stdout);
    expect(rest).toEqual([]);
    expect(entry?.level).toBe("fatal");
    expect(String(entry?.msg)).toMatch(/^Invalid configuration: APP_SECRET is required in production/);
  });

  it("refuses an unknown LOG_LEVEL, in a line written at the default level", () => {
    const result = startServer({ APP_SECRET: "x".repeat(40), LOG_LEVEL: "loud" });
    expect(result.status).toBe(1);
    expect(entries(result.stdout)).toEqual([
      expect.objectContaining({
        level: "fatal",
        msg: "Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
      }),
    ]);
  });
});
