import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { expect } from "@playwright/test";

// Processes for the operations tests (runtime tree, upgrades): an app started from any folder
// with exactly the environment given, and the CM simulator from this checkout.

export interface TProcess {
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

function track(child: ChildProcess, url: string): TProcess {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

async function waitHealthy(proc: TProcess, path: string): Promise<void> {
  await expect
    .poll(async () => (await fetch(`${proc.url}${path}`).catch(() => undefined))?.status, {
      timeout: 90_000,
      message: `${proc.url} did not answer ${path}:\n${proc.output()}`,
    })
    .toBe(200);
}

/** Starts `node <args>` in `cwd` with only PATH, HOME and `env`: nothing leaks from the test's environment. */
export async function startApp(options: { cwd: string; args: string[]; env: Record<string, string>; port: number }) {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      ...options.env,
      PORT: String(options.port),
    },
  });
  const proc = track(child, `http://localhost:${options.port}`);
  await waitHealthy(proc, "/api/health");
  return proc;
}

/** The CM simulator of this checkout (the test's tool, never part of the app's tree). */
export async function startSimulator(port: number, root = process.cwd()): Promise<TProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "simulator/main.ts")], {
    cwd: root,
    env: { ...process.env, CM_SIMULATOR_PORT: String(port), CM_SIMULATOR_STATUS_DELAY_MS: "50" },
  });
  const proc = track(child, `http://127.0.0.1:${port}`);
  await waitHealthy(proc, "/_sim/health");
  return proc;
}

export { apiAs, customerWrites, registerAccount, sentTo } from "../../lib/testing/ops-http";
