import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TDatabase } from "../db/client";
import { processWebhooks } from "../pipeline/intake/process-webhooks";
import { createStoreAndApply } from "../pipeline/intake/store-and-apply-message";
import { createWebhookAccounts } from "../pipeline/intake/webhook-accounts";
import { createWebhookHttpHandler, type TWebhookHttpOptions } from "../pipeline/intake/webhook-http";
import { mergeEffects, noEffects, type TEffects } from "../server/webhooks/effects";

/**
 * The webhook endpoint as server.ts mounts it, on a real HTTP server on a free port, with
 * the intake processor run by hand (`drain`) so a test decides when webhooks are applied.
 */
export async function startWebhookServer(
  db: TDatabase,
  { fastLane = false, ...options }: Partial<TWebhookHttpOptions> & { fastLane?: boolean } = {},
) {
  let wakes = 0;
  // What the fast lane applied at once (PostgreSQL only, as in server.ts).
  const applied = noEffects();
  const storeAndApply =
    fastLane && db.pool
      ? createStoreAndApply(db.pool, { emit: (effects) => mergeEffects(applied, effects), maxInFlight: 4 })
      : undefined;
  const handler = createWebhookHttpHandler(
    () => ({ sql: db.sql, accounts: createWebhookAccounts(db.prisma, 0), wake: () => wakes++, storeAndApply }),
    { maxInFlight: 64, storeTimeoutMs: 10_000, log: () => {}, ...options },
  );
  const server: Server = createServer((req, res) => {
    if (!handler(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    wakes: () => wakes,
    applied,
    /** POSTs a webhook as CM does: to /api/webhooks/cm/<secret>/<kind>. */
    async post(secret: string, kind: string, body: unknown, raw?: string) {
      const response = await fetch(`${base}/api/webhooks/cm/${secret}/${kind}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: raw ?? JSON.stringify(body),
      });
      return {
        status: response.status,
        headers: response.headers,
        json: (await response.json()) as Record<string, unknown>,
      };
    },
    /** Runs the intake processor until nothing is left to apply; returns what it did. */
    async drain(now?: () => Date): Promise<TEffects> {
      const effects = noEffects();
      for (;;) {
        // On PostgreSQL the driver-level round of messages goes first, then the general one, as in the server.
        let claimed = 0;
        for (const pool of db.pool ? [db.pool, undefined] : [undefined]) {
          const round = await processWebhooks(db.prisma, { pool, ...(now ? { now } : {}) });
          mergeEffects(effects, round.effects);
          claimed += round.claimed;
        }
        if (claimed === 0) return effects;
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
