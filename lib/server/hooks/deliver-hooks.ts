import type { PrismaClient } from "../../db/generated/client";
import type { TSecretBox } from "../../crypto/secret-box";
import { signHook } from "../../hooks/signature";
import { hookMessageId } from "./prepare-hook-events";
import { postHook, type TPostOutcome } from "./post-hook";
import type { TResolve } from "../media/public-only-lookup";

// The hooks worker's second step (issue 21): deliveries are claimed (FOR UPDATE SKIP LOCKED,
// under a lease, so any number of instances share the work and a dead one's claims are taken
// over), posted, and their outcome recorded with an attempt in the endpoint's log. Per endpoint
// and conversation only the oldest pending delivery is claimed: a receiver sees a
// conversation's events in order, and a retry holds back the ones after it.

export interface TDeliverOptions {
  secrets: TSecretBox;
  allowLocal: boolean;
  now?: () => Date;
  timeoutMs?: number;
  leaseMs?: number;
  /** How long a delivery is retried before it fails for good (and its endpoint is disabled). */
  retryWindowMs?: number;
  resolve?: TResolve;
  /** An endpoint was disabled (410 Gone, or failing for the whole retry window). */
  onDisabled?: (endpoint: { id: string; url: string; reason: string }) => void;
}

export const HOOK_RETRY_WINDOW_MS = 3 * 24 * 3600_000;
const DEFAULT_TIMEOUT_MS = 10_000;
/** Longer than a try can take (the timeout): a claim this old is a dead worker's. */
const DEFAULT_LEASE_MS = 30_000;
/** Waits after the 1st, 2nd, … failed try; the last repeats until the retry window ends. */
const BACKOFF_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000];
const MAX_RETRY_AFTER_MS = 3_600_000;

export function backoffMs(attempts: number, retryAfterSeconds: number | null = null): number {
  const base = BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1] as number;
  // ±10 %: receivers that failed together are not retried in one burst.
  const jittered = Math.round(base * (0.9 + Math.random() * 0.2));
  return retryAfterSeconds === null
    ? jittered
    : Math.max(jittered, Math.min(retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS));
}

interface TClaimed {
  id: bigint;
  endpointId: string;
  eventId: bigint;
  attempts: number;
  firstAttemptAt: Date;
  url: string;
  secretEncrypted: string;
  payload: unknown;
}

async function claimDeliveries(prisma: PrismaClient, now: Date, leaseMs: number, limit: number): Promise<TClaimed[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return prisma.$queryRaw<TClaimed[]>`
    WITH due AS (
      SELECT d."id" FROM "HookDelivery" d
      JOIN "HookEndpoint" ep ON ep."id" = d."endpointId" AND ep."enabled"
      WHERE d."state" = 'PENDING' AND d."nextAttemptAt" <= ${now}
        AND (d."leaseUntil" IS NULL OR d."leaseUntil" < ${now})
        AND NOT EXISTS (
          SELECT 1 FROM "HookDelivery" e
          WHERE e."endpointId" = d."endpointId" AND e."orderKey" = d."orderKey" AND e."state" = 'PENDING' AND e."id" < d."id"
        )
      ORDER BY d."nextAttemptAt", d."id"
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "HookDelivery" t SET "leaseUntil" = ${leaseUntil}, "attempts" = t."attempts" + 1,
      "firstAttemptAt" = COALESCE(t."firstAttemptAt", ${now})
    FROM due, "HookEndpoint" ep, "HookEvent" ev
    WHERE t."id" = due."id" AND ep."id" = t."endpointId" AND ev."id" = t."eventId"
    RETURNING t."id", t."endpointId", t."eventId", t."attempts", t."firstAttemptAt", ep."url", ep."secretEncrypted", ev."payload"`;
}

type TVerdict =
  | { state: "DELIVERED" }
  | { state: "PENDING"; nextAttemptAt: Date }
  | { state: "FAILED"; reason: string; disable: string | null };

/** What an outcome means: 2xx delivered; timeouts, connection errors, 5xx and 429 retried. */
export function judgeOutcome(
  outcome: TPostOutcome,
  claimed: { attempts: number; firstAttemptAt: Date },
  now: Date,
  retryWindowMs: number,
): TVerdict {
  if (outcome.kind === "answered" && outcome.status >= 200 && outcome.status < 300) return { state: "DELIVERED" };
  if (outcome.kind === "answered" && outcome.status === 410) {
    return { state: "FAILED", reason: "The endpoint answered 410 Gone.", disable: "It answered 410 Gone." };
  }
  if (outcome.kind === "no-answer" && outcome.refused) return { state: "FAILED", reason: outcome.error, disable: null };
  const retryable = outcome.kind === "no-answer" || outcome.status === 429 || outcome.status >= 500;
  const what = outcome.kind === "answered" ? `answered ${outcome.status}` : outcome.error;
  if (!retryable)
    return {
      state: "FAILED",
      reason: `The endpoint ${what} (not retried: only timeouts, connection errors, 5xx and 429 are).`,
      disable: null,
    };
  const next = new Date(
    now.getTime() + backoffMs(claimed.attempts, outcome.kind === "answered" ? outcome.retryAfterSeconds : null),
  );
  if (next.getTime() - claimed.firstAttemptAt.getTime() > retryWindowMs) {
    const days = Math.round(retryWindowMs / 86_400_000);
    return {
      state: "FAILED",
      reason: `Retried for ${days} days; last: ${what}.`,
      disable: `Its deliveries kept failing for ${days} days (last: ${what}).`,
    };
  }
  return { state: "PENDING", nextAttemptAt: next };
}

interface TTried {
  claimed: TClaimed;
  outcome: TPostOutcome;
  verdict: TVerdict;
}

/**
 * Records a round's outcomes in ONE statement (each delivery's new state and its attempt in the
 * log), then turns off the endpoints a verdict says to (rare). One statement instead of a
 * transaction per delivery: recording shared the connection pool with the intake, and a
 * transaction each cost it three round trips. A record lost in a crash only means a delivery
 * is tried again under the same webhook-id.
 */
async function recordRound(prisma: PrismaClient, tried: TTried[], now: Date): Promise<void> {
  if (tried.length === 0) return;
  const column = <T>(pick: (t: TTried) => T) => tried.map(pick);
  await prisma.$executeRaw`
    WITH outcome AS (
      SELECT * FROM unnest(
        ${column((t) => String(t.claimed.id))}::bigint[], ${column((t) => t.claimed.endpointId)}::text[],
        ${column((t) => t.verdict.state)}::text[],
        ${column((t) => (t.verdict.state === "PENDING" ? t.verdict.nextAttemptAt.getTime() : null))}::float8[],
        ${column((t) => (t.verdict.state === "FAILED" ? t.verdict.reason : null))}::text[],
        ${column((t) => (t.outcome.kind === "answered" ? t.outcome.status : null))}::int[],
        ${column((t) => t.outcome.latencyMs)}::int[],
        ${column((t) => (t.outcome.kind === "no-answer" ? t.outcome.error : null))}::text[],
        ${column((t) => (t.outcome.kind === "answered" ? t.outcome.excerpt : null))}::text[]
      ) AS o("id", "endpointId", "state", "nextAtMs", "reason", "status", "latencyMs", "error", "response")
    ), attempts AS (
      INSERT INTO "HookAttempt" ("deliveryId", "endpointId", "at", "status", "latencyMs", "error", "response")
      SELECT o."id", o."endpointId", ${now}, o."status", o."latencyMs", o."error", o."response" FROM outcome o
    )
    UPDATE "HookDelivery" d SET
      "state" = o."state"::"HookDeliveryState",
      "deliveredAt" = CASE WHEN o."state" = 'DELIVERED' THEN ${now} ELSE d."deliveredAt" END,
      "nextAttemptAt" = COALESCE(to_timestamp(o."nextAtMs" / 1000.0) AT TIME ZONE 'UTC', d."nextAttemptAt"),
      "failReason" = o."reason",
      "leaseUntil" = NULL
    FROM outcome o WHERE d."id" = o."id"`;
  for (const { claimed, verdict } of tried) {
    if (verdict.state !== "FAILED" || !verdict.disable) continue;
    await prisma.hookEndpoint.updateMany({
      where: { id: claimed.endpointId, enabled: true },
      data: { enabled: false, disabledAt: now, disabledReason: verdict.disable },
    });
  }
}

/**
 * One round: claims up to `limit` due deliveries and posts them side by side. Resolves how many
 * it tried.
 */
export async function deliverHooks(prisma: PrismaClient, options: TDeliverOptions, limit = 20): Promise<number> {
  const clock = options.now ?? (() => new Date());
  const claimed = await claimDeliveries(prisma, clock(), options.leaseMs ?? DEFAULT_LEASE_MS, limit);
  const tried = await Promise.all(claimed.map((delivery) => tryDelivery(delivery, options, clock)));
  await recordRound(prisma, tried, clock());
  for (const { claimed: delivery, verdict } of tried) {
    if (verdict.state === "FAILED" && verdict.disable) {
      options.onDisabled?.({ id: delivery.endpointId, url: delivery.url, reason: verdict.disable });
    }
  }
  return claimed.length;
}

/** One delivery's POST, signed, and what its outcome means. */
async function tryDelivery(delivery: TClaimed, options: TDeliverOptions, clock: () => Date): Promise<TTried> {
  const body = JSON.stringify(delivery.payload);
  const id = hookMessageId(delivery.eventId);
  const timestamp = Math.floor(clock().getTime() / 1000);
  let outcome: TPostOutcome;
  try {
    const secret = options.secrets.decrypt(delivery.secretEncrypted);
    outcome = await postHook(
      delivery.url,
      {
        "webhook-id": id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signHook(secret, id, timestamp, body),
        "user-agent": "ig-inbox-webhooks/1",
      },
      body,
      { allowLocal: options.allowLocal, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, resolve: options.resolve },
    );
  } catch (error) {
    outcome = {
      kind: "no-answer",
      error: error instanceof Error ? error.message : String(error),
      latencyMs: 0,
      refused: false,
    };
  }
  const verdict = judgeOutcome(outcome, delivery, clock(), options.retryWindowMs ?? HOOK_RETRY_WINDOW_MS);
  return { claimed: delivery, outcome, verdict };
}
