// The hooks targets' side of the intake benchmark: two webhook receivers (a child process,
// bench/hook-receiver-server.ts, so that receiving hundreds of POSTs a second does not load
// the load generator's event loop), two endpoints subscribed to every event on every account
// (created through the admin API, as an admin would), and after each phase the wait until
// every delivery is made: the receivers quiet and the endpoints' `pending` at 0.
import { join } from "node:path";
import pg from "pg";
import { HOOK_EVENTS } from "../../lib/hooks/schemas";
import { startChild, stopChild, waitHealthy, type TChild } from "./processes";
import { portInUse } from "./rss";
import { sleep } from "./stats";

interface TReceiverStats {
  port: number;
  requests: number;
  distinct: number;
  types: Record<string, number>;
  /** Date.now() of the last POST received, or null. */
  lastAt: number | null;
  /** How many lags it has recorded (one per webhook with a timestamp). */
  lagCount: number;
}

interface TStats {
  receivers: TReceiverStats[];
  /** Ids every receiver has (null unless asked for). */
  common: number | null;
}

/** What the receivers got for one phase, and how long delivering it took. */
export interface THookPhase {
  phase: string;
  /** Webhooks answered 200 in the phase (null: not tracked, e.g. the warm-up). */
  okWebhooks: number | null;
  /** Per receiver, in this phase: POSTs, distinct webhook-ids, POSTs per event type. */
  received: { requests: number; distinct: number; types: Record<string, number> }[];
  /** Webhook-ids of this phase that every receiver got. */
  common: number;
  /** Per receiver: 200-answered webhooks whose message.created it did not get (null: not tracked). */
  messagesMissing: number[] | null;
  /** ms from the end of the phase's load to the last webhook a receiver got (null: none). */
  lastAfterMs: number | null;
  /** Each webhook's lag, from its change (payload timestamp) to its arrival, over both receivers. */
  lag: { p50: number; p99: number; max: number } | null;
  /** ms from the end of the load to when `pending` was seen at 0 with the receivers quiet. */
  settledAfterMs: number | null;
  /** What GET /api/admin/webhooks said last, summed over the endpoints. */
  pending: number;
  failed: number;
  /**
   * PostgreSQL only (read from the app's database): deliveries tried more than once so far, by
   * their attempts' outcomes ("200→200": two claims of one delivery, e.g. a lease that ran out).
   */
  retried: string | null;
}

export interface THookBench {
  description: string;
  snapshot: () => Promise<TStats>;
  /**
   * Waits (≤ timeoutMs from its call) until the receivers have been quiet for a second and both endpoints
   * show `pending` 0 twice, half a second apart; then reads what the phase delivered.
   */
  settle: (args: {
    phase: string;
    before: TStats;
    endedAt: number;
    timeoutMs: number;
    /** The phase's 200-answered tokens and their common prefix, to check every message.created came. */
    ok?: { tokens: string[]; prefix: string };
  }) => Promise<THookPhase>;
  stop: () => Promise<void>;
}

const QUIET_MS = 1_000;

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

/**
 * Starts the receivers on `port` and `port + 1`, and adds an endpoint for each on the app
 * (every event, every account). The app must run with WEBHOOKS_ALLOW_LOCAL=true.
 */
export async function startHooks({
  baseUrl,
  adminCookie,
  benchRoot,
  port,
  databaseUrl,
}: {
  baseUrl: string;
  adminCookie: string;
  benchRoot: string;
  port: number;
  /** The app's PostgreSQL database, to explain duplicates (null: PGlite, not readable from here). */
  databaseUrl: string | null;
}): Promise<THookBench> {
  const ports = [port, port + 1];
  for (const p of ports) {
    if (portInUse(p)) throw new Error(`port ${p} is already in use: choose another with BENCH_HOOK_PORT`);
  }
  const tsx = join(benchRoot, "node_modules", ".bin", "tsx");
  const script = join(benchRoot, "bench", "hook-receiver-server.ts");
  const child: TChild = startChild("hook receivers", tsx, [script, "--ports", ports.join(",")], {
    cwd: benchRoot,
    env: { ...process.env, NODE_ENV: "production" },
  });
  const receiverUrl = `http://127.0.0.1:${port}`;
  const stats = async (full = false) =>
    json<TStats>(await fetch(`${receiverUrl}/stats${full ? "?full" : ""}`), "hook receivers' stats");
  const headers = { cookie: adminCookie, origin: baseUrl, "content-type": "application/json" };
  const admin = `${baseUrl}/api/admin/webhooks`;
  const ids: string[] = [];
  const pending = async () => {
    const { endpoints } = await json<{ endpoints: { id: string; pending: number; failed: number }[] }>(
      await fetch(admin, { headers }),
      `GET ${admin}`,
    );
    const ours = endpoints.filter((e) => ids.includes(e.id));
    return {
      pending: ours.reduce((sum, e) => sum + e.pending, 0),
      failed: ours.reduce((sum, e) => sum + e.failed, 0),
    };
  };
  /** Per receiver, how many of the phase's 200-answered messages it has not had `message.created` for. */
  const missingTokens = async (ok: { tokens: string[]; prefix: string }) => {
    const res = await fetch(`${receiverUrl}/tokens?prefix=${encodeURIComponent(ok.prefix)}`);
    const got = (await json<{ receivers: string[][] }>(res, "hook receivers' tokens")).receivers.map(
      (tokens) => new Set(tokens),
    );
    return got.map((set) => ok.tokens.filter((token) => !set.has(token)).length);
  };
  try {
    await waitHealthy(child, `${receiverUrl}/stats`, 30_000);
    for (const p of ports) {
      const created = await fetch(admin, {
        method: "POST",
        headers,
        body: JSON.stringify({ url: `http://127.0.0.1:${p}/hooks`, events: HOOK_EVENTS, accounts: "all" }),
      });
      if (created.status !== 201) throw new Error(`POST ${admin}: HTTP ${created.status} ${await created.text()}`);
      ids.push((await json<{ endpoint: { id: string } }>(created, `POST ${admin}`)).endpoint.id);
    }
  } catch (error) {
    await stopChild(child);
    throw error;
  }

  /** Deliveries tried more than once, grouped by their attempts' outcomes, e.g. "3 (200→200: 3)". */
  const retried = async (): Promise<string | null> => {
    if (!databaseUrl) return null;
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      const { rows } = await client.query<{ outcomes: string; count: number }>(
        `SELECT outcomes, count(*)::int AS count FROM (
           SELECT string_agg(COALESCE(a."status"::text, left(a."error", 30)), '→' ORDER BY a."id") AS outcomes
           FROM "HookDelivery" d JOIN "HookAttempt" a ON a."deliveryId" = d."id"
           WHERE d."attempts" > 1 GROUP BY d."id") x
         GROUP BY outcomes ORDER BY count DESC LIMIT 4`,
      );
      const total = rows.reduce((sum, row) => sum + row.count, 0);
      return total ? `${total} (${rows.map((row) => `${row.outcomes}: ${row.count}`).join(", ")})` : "0";
    } catch (error) {
      return `not read: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      await client.end().catch(() => {});
    }
  };

  return {
    description: `2 endpoints (${ports.map((p) => `127.0.0.1:${p}`).join(", ")}), every event (${HOOK_EVENTS.length}), every account`,
    snapshot: () => stats(true),
    async settle({ phase, before, endedAt, timeoutMs, ok }) {
      // From now: the phase itself may have waited a while already (the open loop's drain).
      const deadline = Date.now() + timeoutMs;
      let seenZeroAt: number | null = null;
      let last = { pending: -1, failed: 0 };
      let settledAt: number | null = null;
      while (Date.now() < deadline) {
        const now = await stats();
        const lastAt = Math.max(0, ...now.receivers.map((r) => r.lastAt ?? 0));
        if (Date.now() - lastAt < QUIET_MS) {
          seenZeroAt = null;
          await sleep(100);
          continue;
        }
        // Asked only once the receivers are quiet: polling adds (almost) no load to the app.
        last = await pending();
        // `pending` counts deliveries, made only once an event is prepared: events not yet
        // prepared (the intake kept the worker waiting) show as nothing pending. So the phase's
        // messages must also all be in, at both receivers.
        if (last.pending === 0 && ok && (await missingTokens(ok)).some((n) => n > 0)) last.pending = -1;
        if (last.pending !== 0) seenZeroAt = null;
        else if (seenZeroAt === null) seenZeroAt = Date.now();
        else {
          settledAt = seenZeroAt;
          break;
        }
        await sleep(500);
      }
      if (settledAt === null) last = await pending();
      const after = await stats(true);
      const lastAt = Math.max(0, ...after.receivers.map((r) => r.lastAt ?? 0));
      const received = after.receivers.map((r, i) => {
        const b = before.receivers[i];
        const types: Record<string, number> = {};
        for (const [type, count] of Object.entries(r.types)) {
          const delta = count - (b?.types[type] ?? 0);
          if (delta) types[type] = delta;
        }
        return { requests: r.requests - (b?.requests ?? 0), distinct: r.distinct - (b?.distinct ?? 0), types };
      });
      const gotAny = received.some((r) => r.requests > 0);
      const lags = await json<{
        receivers: { count: number; p50: number | null; p99: number | null; max: number | null }[];
      }>(
        await fetch(`${receiverUrl}/lags?from=${before.receivers.map((r) => r.lagCount).join(",")}`),
        "hook receivers' lags",
      );
      // The receivers get the same webhooks: the slower one's percentiles stand for both.
      const counted = lags.receivers.filter((r) => r.count > 0);
      const worst = (key: "p50" | "p99" | "max") => Math.max(...counted.map((r) => r[key] ?? 0));
      const lag = counted.length ? { p50: worst("p50"), p99: worst("p99"), max: worst("max") } : null;
      const messagesMissing = ok ? await missingTokens(ok) : null;
      return {
        phase,
        okWebhooks: ok ? ok.tokens.length : null,
        received,
        common: (after.common ?? 0) - (before.common ?? 0),
        messagesMissing,
        lastAfterMs: gotAny ? lastAt - endedAt : null,
        lag,
        settledAfterMs: settledAt === null ? null : settledAt - endedAt,
        pending: last.pending,
        failed: last.failed,
        retried: await retried(),
      };
    },
    stop: () => stopChild(child),
  };
}
