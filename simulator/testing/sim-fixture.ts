import { randomUUID } from "node:crypto";
import type { TSimAccount } from "../accounts";
import { createSimulator, type TSimulator } from "../create-simulator";
import { startWebhookReceiver, type TWebhookReceiver } from "./webhook-receiver";

// One simulator with one account whose three webhooks point at a local receiver.

export const IG_ACCOUNT = "17841400000000000";
export const CUSTOMER = "6543210987654321";

export type TSimFixture = {
  sim: TSimulator;
  hooks: TWebhookReceiver;
  account: TSimAccount;
  /** Calls the control API and returns status and JSON body. */
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
};

export async function startSimFixture(): Promise<TSimFixture> {
  const hooks = await startWebhookReceiver();
  const account: TSimAccount = {
    productToken: randomUUID(),
    igAccountId: IG_ACCOUNT,
    name: "Test shop",
    webhooks: { messages: `${hooks.url}/mo`, events: `${hooks.url}/events`, statusReports: `${hooks.url}/status` },
    failingRecipients: [],
  };
  const sim = await createSimulator({ accounts: [account], statusDelayMs: 5, webhookRetryDelaysMs: [10, 20, 40] });
  return {
    sim,
    hooks,
    account,
    async control(method, path, body) {
      const res = await fetch(`${sim.url}${path}`, {
        method,
        headers: { "Content-Type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async close() {
      await sim.close();
      await hooks.close();
    },
  };
}
