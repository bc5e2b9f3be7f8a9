import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { TDatabase } from "../db/client";
import { processWebhooks } from "../pipeline/intake/process-webhooks";
import { createStoreAndApply } from "../pipeline/intake/store-and-apply-message";
import { createWebhookAccounts } from "../pipeline/intake/webhook-accounts";
import {
  createWebhookIntake,
  webhookResponse,
  type TWebhookIntake,
  type TWebhookIntakeOptions,
} from "../pipeline/intake/webhook-intake";
import { mergeEffects, noEffects, type TEffects } from "../effects/inbox-effects";

const PATH = /^\/api\/webhooks\/cm\/([^/?#]*)\/([^/?#]*)\/?(?:\?.*)?$/;

/**
 * The webhook intake as the route (app/api/webhooks/cm/[secret]/[kind]/route.ts) calls it,
 * on a real HTTP server on a free port, with the intake processor run by hand (`drain`) so a
 * test decides when webhooks are applied. (The route itself is tested in its route.test.ts.)
 */
export async function startWebhookServer(
  db: TDatabase,
  { fastLane = false, ...options }: Partial<TWebhookIntakeOptions> & { fastLane?: boolean } = {},
) {
  let wakes = 0;
  // What the fast lane applied at once (PostgreSQL only, as in server.ts).
  const applied = noEffects();
  const storeAndApply =
    fastLane && db.pool
      ? createStoreAndApply(db.pool, { emit: (effects) => mergeEffects(applied, effects), maxInFlight: 4 })
      : undefined;
  const intake = createWebhookIntake(
    { sql: db.sql, accounts: createWebhookAccounts(db.prisma, 0), wake: () => wakes++, storeAndApply },
    { maxInFlight: 64, storeTimeoutMs: 10_000, log: () => {}, ...options },
  );
  const server: Server = createServer((req, res) => {
    void answer(intake, req, res);
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

async function answer(intake: TWebhookIntake, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const match = PATH.exec(req.url ?? "");
  if (!match || req.method !== "POST") {
    res.writeHead(match ? 405 : 404).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
    method: "POST",
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
  const response = webhookResponse(await intake({ secret: decoded(match[1]), kind: decoded(match[2]), request }));
  res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
}

/** A path segment as the router hands it over: decoded, or as it came when it is not valid percent-encoding. */
function decoded(segment = ""): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
