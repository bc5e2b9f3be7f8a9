import type pg from "pg";
import type { Prisma, PrismaClient } from "../../db/generated/client";
import { oneLine } from "../../errors-one-line";
import { applyDeliveryReport } from "../../server/messages/apply-delivery-report";
import { mergeEffects } from "../../effects/inbox-effects";
import { ingestEvent } from "../../server/webhooks/ingest-event";
import { applyMessagesDirectly } from "./apply-messages-directly";
import { applyStoredMessages } from "./apply-stored-messages";
import { claimWebhooks, type TClaimedWebhook } from "./claim-webhooks";
import type { TInboundItem } from "./inbound-message";
import { emptyRound, type TIntakeRound } from "./intake-round";
import { parseStoredUnit } from "./parse-webhook";
import { prismaQuery } from "./query";
import { recordSurveyAnswers } from "../../server/surveys/record-survey-answers";
import { surveyAnswerKeys } from "./survey-answer-items";

export interface TIntakeRoundOptions {
  /** PostgreSQL's pool: a round of customers' messages is tried straight on the driver first. */
  pool?: pg.Pool | undefined;
  now?: () => Date;
  /** Webhooks applied in one transaction. */
  batchSize?: number;
  /** Tries before a webhook is set aside as FAILED for an admin to look at. */
  maxAttempts?: number;
}

const TX_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;

/** Webhooks applied in one transaction; a round that claimed this many may have left more. */
export const INTAKE_BATCH_SIZE = 200;

/**
 * One round of the intake processor: applies stored webhooks to the inbox, many per
 * transaction. Each is marked DONE (or WAITING, when it refers to a message we do not have
 * yet) in the same transaction as its effect, so a webhook is applied exactly once even if
 * the process dies mid-way. When a batch fails, its webhooks are tried one by one, so one
 * that cannot be applied is retried with backoff (and finally kept as FAILED) without holding
 * up the others; its customer's later webhooks wait behind it, to keep their order.
 */
export async function processWebhooks(prisma: PrismaClient, options: TIntakeRoundOptions = {}): Promise<TIntakeRound> {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? INTAKE_BATCH_SIZE;
  if (options.pool) {
    try {
      return await applyMessagesDirectly(options.pool, { now: now(), limit: batchSize });
    } catch {
      // Left to the general round below: it retries one by one and records what fails.
    }
  } else if (now().getTime() - lastRequeue >= 1000) {
    lastRequeue = now().getTime();
    await requeueOvertakenDeletes(prisma, now());
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const claimed = await claimWebhooks(prismaQuery(tx), { now: now(), limit: batchSize });
      return applyAll(tx, claimed, now());
    }, TX_OPTIONS);
  } catch {
    // Something in the batch cannot be applied (or the database went away: then the
    // one-by-one pass fails too, and the worker loop backs off).
    return processOneByOne(prisma, { now, batchSize, maxAttempts: options.maxAttempts ?? 8 });
  }
}

/**
 * A delete that found no message is kept WAITING and applied when the message is stored. A
 * message stored by the fast lane (store-and-apply-message.ts) in the very milliseconds the
 * delete was being applied is invisible to it, and it to the delete: such a delete, whose
 * message is there now, is put back in the queue. Once a second at most (a rare race; on PGlite
 * every statement waits for the one connection): WAITING webhooks are few, and indexed.
 */
let lastRequeue = 0;

async function requeueOvertakenDeletes(prisma: PrismaClient, now: Date): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "WebhookEvent" w SET "state" = 'PENDING', "availableAt" = ${now}
    WHERE w."state" = 'WAITING' AND w."kind" = 'EVENT' AND EXISTS (
      SELECT 1 FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
      WHERE m."externalId" = w."cmReference" AND c."accountId" = w."accountId" AND m."direction" = 'INBOUND')`;
}

async function processOneByOne(
  prisma: PrismaClient,
  { now, batchSize, maxAttempts }: { now: () => Date; batchSize: number; maxAttempts: number },
): Promise<TIntakeRound> {
  const round = emptyRound();
  const candidates = await prisma.$transaction(
    (tx) => claimWebhooks(prismaQuery(tx), { now: now(), limit: batchSize }),
    TX_OPTIONS,
  );
  const blocked = new Set<string>();
  for (const candidate of candidates) {
    if (blocked.has(candidate.orderKey)) continue;
    try {
      const one = await prisma.$transaction(async (tx) => {
        const claimed = await claimWebhooks(prismaQuery(tx), { now: now(), limit: 1, onlyId: candidate.id });
        return applyAll(tx, claimed, now());
      }, TX_OPTIONS);
      round.claimed += one.claimed;
      round.applied += one.applied;
      round.waiting += one.waiting;
      mergeEffects(round.effects, one.effects);
    } catch (error) {
      blocked.add(candidate.orderKey);
      round.claimed++;
      round.failed++;
      await recordFailure(prisma, candidate, error, { now: now(), maxAttempts });
    }
  }
  return round;
}

async function applyAll(tx: Prisma.TransactionClient, claimed: TClaimedWebhook[], now: Date): Promise<TIntakeRound> {
  const round = emptyRound(claimed.length);
  if (claimed.length === 0) return round;
  // This commit need not wait for its WAL flush: the webhooks were stored durably before CM
  // got its 200, and their effect and their DONE mark commit together, so if PostgreSQL
  // crashes before the flush both are lost together and the webhooks are applied again.
  // It takes a disk flush off the time between a customer's message and the agents seeing it.
  await tx.$executeRawUnsafe("SET LOCAL synchronous_commit = off");
  const done: string[] = [];
  const waiting: string[] = [];
  // Customers' messages are stored many at a time (one statement per run of them); anything
  // else in between is applied on its own, so every customer's webhooks keep their order.
  let run: { id: string; item: TInboundItem }[] = [];
  let marked = 0; // marked DONE by the statement that stored their messages
  const flush = async () => {
    const webhookIds = run.map((r) => r.id);
    const items = run.map((r) => r.item);
    await applyStoredMessages(prismaQuery(tx), { items, webhookIds, now, effects: round.effects });
    await recordSurveyAnswers(tx, { dedupeKeys: surveyAnswerKeys(items), now }, round.effects);
    marked += webhookIds.length;
    run = [];
  };
  for (const webhook of claimed) {
    // The account was removed with its conversations: nothing left to apply this to.
    if (!webhook.accountId || !webhook.igAccountId) {
      done.push(webhook.id);
      continue;
    }
    const account = { id: webhook.accountId, igAccountId: webhook.igAccountId };
    const unit = parseStoredUnit(webhook, account);
    if (!unit) throw new Error("the stored body no longer holds this delivery");
    if (unit.kind === "MESSAGE") {
      run.push({
        id: webhook.id,
        item: { accountId: account.id, mo: unit.mo, dedupeKey: unit.dedupeKey, replaced: unit.replaced },
      });
      continue;
    }
    await flush();
    const applied =
      unit.kind === "EVENT"
        ? await ingestEvent(tx, { accountId: account.id, event: unit.event }, round.effects)
        : await applyDeliveryReport(tx, { accountId: account.id, report: unit.report }, round.effects);
    (applied ? done : waiting).push(webhook.id);
  }
  await flush();
  if (done.length + waiting.length > 0) {
    await tx.$executeRaw`
      UPDATE "WebhookEvent"
      SET "state" = CASE WHEN "id" = ANY(${waiting}::text[]) THEN 'WAITING' ELSE 'DONE' END::"WebhookState",
        "processedAt" = CASE WHEN "id" = ANY(${waiting}::text[]) THEN NULL ELSE ${now}::timestamp(3) END,
        "lastError" = NULL
      WHERE "id" = ANY(${[...done, ...waiting]}::text[])`;
  }
  round.applied = done.length + marked;
  round.waiting = waiting.length;
  return round;
}

/** Backoff before the next try: 1 s, 2 s, 4 s … up to 5 min, with jitter so instances spread out. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const ceiling = Math.min(300_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

async function recordFailure(
  prisma: PrismaClient,
  webhook: TClaimedWebhook,
  error: unknown,
  { now, maxAttempts }: { now: Date; maxAttempts: number },
): Promise<void> {
  const attempts = webhook.attempts + 1;
  const reason = oneLine(error);
  await prisma.$executeRaw`
    UPDATE "WebhookEvent"
    SET "attempts" = ${attempts}, "lastError" = ${reason},
      "availableAt" = ${new Date(now.getTime() + retryDelayMs(attempts))},
      "state" = ${attempts >= maxAttempts ? "FAILED" : "PENDING"}::"WebhookState"
    WHERE "id" = ${webhook.id} AND "state" = 'PENDING'`;
}
