import type { PrismaClient } from "../../db/generated/client";
import type { TAccountPipeline, TFailingWebhook, TPipelineStatus, TWebhookKind } from "../../webhooks/pipeline-status";
import { SILENT_WITH_REPLIES_MS, STATUS_REPORT_OVERDUE_MS, pipelineWarnings } from "../../webhooks/pipeline-warnings";
import {
  failingWebhooks,
  recentReplyFailures,
  repliesByAccount,
  webhooksByKind,
  webhooksByState,
  type TFailingRow,
  type TKindRow,
  type TReplyFailureRow,
  type TReplyRow,
  type TStateRow,
} from "./pipeline-queries";

const HOUR = 3_600_000;
const FAILING_SHOWN = 20;
const REPLY_FAILURES_SHOWN = 3;

/**
 * Per linked account: when each kind of webhook last arrived, what is waiting, retrying or
 * failed in the intake pipeline, what the outbox holds, and the warnings that follow.
 */
export async function getPipelineStatus(prisma: PrismaClient, { now }: { now: Date }): Promise<TPipelineStatus> {
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);
  const dayAgo = at(24 * HOUR);
  const [kinds, states, failing, replies, replyFailures] = await Promise.all([
    webhooksByKind(prisma, { hourAgo: at(HOUR) }),
    webhooksByState(prisma, { hourAgo: at(HOUR) }),
    failingWebhooks(prisma, { limit: FAILING_SHOWN }),
    repliesByAccount(prisma, {
      dayAgo,
      recentSince: at(SILENT_WITH_REPLIES_MS),
      overdueBefore: at(STATUS_REPORT_OVERDUE_MS),
    }),
    recentReplyFailures(prisma, { dayAgo, limit: REPLY_FAILURES_SHOWN }),
  ]);

  const byAccount = new Map<string, TKindRow[]>();
  for (const row of kinds) byAccount.set(row.id, [...(byAccount.get(row.id) ?? []), row]);
  const stateOf = new Map(states.map((row) => [row.accountId, row]));
  const repliesOf = new Map(replies.map((row) => [row.accountId, row]));

  return {
    generatedAt: now.toISOString(),
    accounts: [...byAccount.values()].map((rows) =>
      toAccountPipeline({
        rows,
        state: stateOf.get(rows[0]?.id ?? ""),
        replies: repliesOf.get(rows[0]?.id ?? ""),
        failing: failing.filter((f) => f.accountId === rows[0]?.id),
        replyFailures: replyFailures.filter((f) => f.accountId === rows[0]?.id),
        now,
      }),
    ),
  };
}

function toAccountPipeline({
  rows,
  state,
  replies,
  failing,
  replyFailures,
  now,
}: {
  rows: TKindRow[];
  state: TStateRow | undefined;
  replies: TReplyRow | undefined;
  failing: TFailingRow[];
  replyFailures: TReplyFailureRow[];
  now: Date;
}): TAccountPipeline {
  const account = rows[0] as TKindRow;
  const last = (kind: TWebhookKind) => rows.find((r) => r.kind === kind)?.lastAt ?? null;
  const lastHour = (kind: TWebhookKind) => rows.find((r) => r.kind === kind)?.lastHour ?? 0;
  const newest = rows.reduce<Date | null>((max, r) => (r.lastAt && (!max || r.lastAt > max) ? r.lastAt : max), null);
  const warnings = pipelineWarnings(
    {
      enabled: account.enabled,
      linkedAt: account.createdAt,
      lastWebhookAt: newest,
      lastStatusReportAt: last("STATUS_REPORT"),
      repliesAcceptedRecently: replies?.acceptedRecently ?? 0,
      unreportedReplies: replies?.unreported ?? 0,
      newestUnreportedAcceptedAt: replies?.newestUnreportedAt ?? null,
      failedWebhooks: state?.failed ?? 0,
      pendingWebhooks: state?.pending ?? 0,
      oldestPendingAt: state?.oldestPendingAt ?? null,
    },
    now,
  );
  return {
    accountId: account.id,
    displayName: account.displayName,
    igAccountId: account.igAccountId,
    enabled: account.enabled,
    warnings,
    lastWebhookAt: {
      MESSAGE: iso(last("MESSAGE")),
      EVENT: iso(last("EVENT")),
      STATUS_REPORT: iso(last("STATUS_REPORT")),
    },
    lastHourByKind: {
      MESSAGE: lastHour("MESSAGE"),
      EVENT: lastHour("EVENT"),
      STATUS_REPORT: lastHour("STATUS_REPORT"),
    },
    webhooks: {
      lastHour: rows.reduce((sum, r) => sum + r.lastHour, 0),
      pending: state?.pending ?? 0,
      retrying: state?.retrying ?? 0,
      failed: state?.failed ?? 0,
      waiting: state?.waiting ?? 0,
      waitingOverAnHour: state?.waitingOverAnHour ?? 0,
      oldestPendingAt: iso(state?.oldestPendingAt ?? null),
    },
    replies: {
      queued: replies?.queued ?? 0,
      nextQueuedAttemptAt: iso(replies?.nextQueuedAttemptAt ?? null),
      failedLastDay: replies?.failedLastDay ?? 0,
      recentFailures: replyFailures.map((f) => ({ at: f.at.toISOString(), reason: f.reason })),
    },
    failing: failing.map(toFailingWebhook),
  };
}

export function toFailingWebhook(row: Omit<TFailingRow, "accountId">): TFailingWebhook {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    receivedAt: row.receivedAt.toISOString(),
    attempts: row.attempts,
    lastError: row.lastError?.trim() || null,
    nextTryAt: row.state === "PENDING" ? row.availableAt.toISOString() : null,
  };
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
