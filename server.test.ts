import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function startServer(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("server start with bad configuration", () => {
  it("stops with one line naming the variable, not a stack trace", () => {
    const result = startServer({ DATABASE_URL: "mysql://x", APP_SECRET: "x".repeat(40) });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
    );
    expect(result.stdout).toBe("");
  });

  it("refuses to start in production without APP_SECRET", () => {
    const result = startServer({ APP_SECRET: "", DEMO_MODE: "" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Invalid configuration: APP_SECRET is required in production/);
  });
});
