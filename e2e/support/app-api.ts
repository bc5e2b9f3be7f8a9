import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT } from "./auth";

// Talking to an app instance over HTTP as CM and as a signed-in agent, for the failure tests
// that start, kill and restart their own instances.

export async function sessionCookie(baseUrl: string, user: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(user),
  });
  expect(response.status, `sign-in of ${user.email}`).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The demo account's messages webhook URL, as the admin page shows it. */
export async function demoWebhookUrl(baseUrl: string): Promise<string> {
  const cookie = await sessionCookie(baseUrl, DEMO_ADMIN);
  const response = await fetch(`${baseUrl}/api/admin/accounts`, { headers: { cookie } });
  const { accounts } = (await response.json()) as { accounts: { webhookUrls: { messages: string } }[] };
  const url = accounts[0]?.webhookUrls.messages;
  if (!url) throw new Error("no demo account");
  // The URL names the app's public address; this instance listens on baseUrl.
  return `${baseUrl}${new URL(url).pathname}`;
}

/** A customer's message as CM posts it. */
export function customerMessage(igsid: string, text: string, named = true) {
  return {
    from: named ? { number: igsid, name: `Customer ${igsid}` } : { number: igsid },
    to: { number: "17841400000000000" },
    message: { text, custom: named ? { username: `user${igsid}` } : {} },
    timeUtc: new Date().toISOString().slice(0, 19),
    channel: "Instagram",
  };
}

export async function postWebhook(url: string, body: unknown): Promise<number> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0; // no answer (the server died mid-request): CM would retry
  }
}

export async function agentCookie(baseUrl: string): Promise<string> {
  return sessionCookie(baseUrl, DEMO_AGENT);
}

/** The CM simulator as its own process, for tests that need one of their own. */
export async function startSimulator(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "simulator/main.ts"], {
    env: { ...process.env, CM_SIMULATOR_PORT: String(port), CM_SIMULATOR_STATUS_DELAY_MS: "20" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await fetch(`${url}/_sim/health`).catch(() => undefined))?.status, { timeout: 30_000 })
    .toBe(200);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
