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

/** A signed-in user's JSON API, as the browser calls it (same-origin writes). */
export async function apiAs(baseUrl: string, user: { email: string; password: string }) {
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(user),
  });
  expect(signIn.status, `sign-in of ${user.email}`).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, origin: baseUrl, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** Tells the simulator about an account (its token and our webhook URLs), as an admin does in CM's app. */
export async function registerAccount(
  simulatorUrl: string,
  account: { productToken: string; igAccountId: string; webhookUrls: Record<string, string> },
): Promise<void> {
  const response = await fetch(`${simulatorUrl}/_sim/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      productToken: account.productToken,
      igAccountId: account.igAccountId,
      webhooks: account.webhookUrls,
    }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

/** What the simulator received for one customer (replies the app sent through CM). */
export async function sentTo(simulatorUrl: string, igsid: string): Promise<{ msg: unknown }[]> {
  const response = await fetch(`${simulatorUrl}/_sim/messages?to=${igsid}`);
  return ((await response.json()) as { messages: { msg: unknown }[] }).messages;
}

/** The simulator plays a customer writing to an account; returns the app's answer to the webhook. */
export async function customerWrites(
  simulatorUrl: string,
  message: Record<string, unknown> & { account: string; from: { igsid: string; name: string; username: string } },
): Promise<number> {
  const response = await fetch(`${simulatorUrl}/_sim/customer/message`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message),
  });
  const answer = (await response.json()) as { status?: number };
  return answer.status ?? response.status;
}
