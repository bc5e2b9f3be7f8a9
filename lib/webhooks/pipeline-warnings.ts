import type { TPipelineWarning } from "./pipeline-status";

// What the Pipeline page warns about, as pure rules with the clock passed in. They answer
// the question behind "you never answered": is CM still reaching us, and is what it sent
// being applied?

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Silence this long is suspicious while CM accepted our replies: their status reports are webhooks too. */
export const SILENT_WITH_REPLIES_MS = 6 * HOUR;
/** Silence this long is worth a look on any enabled account, even a quiet one. */
export const SILENT_MS = 24 * HOUR;
/** CM's status report normally follows an accepted reply within seconds. */
export const STATUS_REPORT_OVERDUE_MS = 15 * MINUTE;
/** The processor applies a webhook within a second or two; a minute means it is behind or stuck. */
export const BACKLOG_MS = MINUTE;

export interface TPipelineFacts {
  enabled: boolean;
  linkedAt: Date;
  /** The newest webhook of any kind for this account. */
  lastWebhookAt: Date | null;
  lastStatusReportAt: Date | null;
  /** Agents' replies CM accepted (then maybe delivered) in the last SILENT_WITH_REPLIES_MS. */
  repliesAcceptedRecently: number;
  /** Replies still only "accepted" at least STATUS_REPORT_OVERDUE_MS after CM accepted them. */
  unreportedReplies: number;
  /** When CM accepted the newest of those. */
  newestUnreportedAcceptedAt: Date | null;
  failedWebhooks: number;
  pendingWebhooks: number;
  oldestPendingAt: Date | null;
}

const WEBHOOK_URLS_CHECK =
  "Check that CM's Channels app has this account's current webhook URLs (Admin → Instagram accounts; rotating the secret changes them) and that this server can be reached from the internet.";

export function pipelineWarnings(facts: TPipelineFacts, now: Date): TPipelineWarning[] {
  return [silence(facts, now), missingStatusReports(facts, now), failed(facts), backlog(facts, now)].filter(
    (w): w is TPipelineWarning => w !== null,
  );
}

/**
 * (a) CM stopped reaching us. Two signs, the stronger first: no webhook for 6 hours although
 * CM accepted our replies in that time (each should have brought a status report), or no
 * webhook at all for 24 hours on an enabled account (an account that never received one
 * counts from when it was linked). A quiet shop may see the second at night: the check says so.
 */
function silence(facts: TPipelineFacts, now: Date): TPipelineWarning | null {
  const since = facts.lastWebhookAt ?? facts.linkedAt;
  const silentFor = now.getTime() - since.getTime();
  if (facts.lastWebhookAt && silentFor >= SILENT_WITH_REPLIES_MS && facts.repliesAcceptedRecently > 0) {
    return {
      kind: "silent",
      message: `No webhook from CM for ${duration(silentFor)}, although CM accepted ${plural(facts.repliesAcceptedRecently, "reply", "replies")} from this inbox in that time.`,
      check: `Their status reports never arrived, so customers' messages may not be arriving either. ${WEBHOOK_URLS_CHECK}`,
    };
  }
  if (!facts.enabled || silentFor < SILENT_MS) return null;
  if (!facts.lastWebhookAt) {
    return {
      kind: "silent",
      message: `No webhook from CM since this account was linked ${duration(silentFor)} ago.`,
      check: `Paste the account's three webhook URLs (Admin → Instagram accounts) into CM's Channels app, then write to the account from Instagram to test. ${WEBHOOK_URLS_CHECK}`,
    };
  }
  return {
    kind: "silent",
    message: `No webhook from CM for ${duration(silentFor)}.`,
    check: `If customers wrote in that time, CM is not reaching us. ${WEBHOOK_URLS_CHECK}`,
  };
}

/** (b) Replies go out but their status reports do not come back: only that URL is wrong. */
function missingStatusReports(facts: TPipelineFacts, now: Date): TPipelineWarning | null {
  const acceptedAt = facts.newestUnreportedAcceptedAt;
  if (facts.unreportedReplies === 0 || !acceptedAt) return null;
  if (now.getTime() - acceptedAt.getTime() < STATUS_REPORT_OVERDUE_MS) return null;
  // A report that arrived after that reply was accepted shows the URL works: CM is just slow.
  if (facts.lastStatusReportAt && facts.lastStatusReportAt >= acceptedAt) return null;
  return {
    kind: "no-status-reports",
    message: `${plural(facts.unreportedReplies, "reply was", "replies were")} accepted by CM but no status report arrived for ${duration(now.getTime() - acceptedAt.getTime())}.`,
    check:
      "Check the status-report webhook URL in CM's Channels app: without it, replies never show “Delivered” or CM's reason for not delivering them.",
  };
}

/** (c) Set aside after every retry: the customer's message (or event) is not in the inbox. */
function failed(facts: TPipelineFacts): TPipelineWarning | null {
  if (facts.failedWebhooks === 0) return null;
  return {
    kind: "failed-webhooks",
    message: `${plural(facts.failedWebhooks, "webhook", "webhooks")} could not be applied.`,
    check:
      "What they hold is not in the inbox. Their reason is listed below; once the cause is fixed (often the database: space, connection), use “Retry all failed”.",
  };
}

/** (d) Stored but not applied: the processor is behind, stopped, or retrying. */
function backlog(facts: TPipelineFacts, now: Date): TPipelineWarning | null {
  if (facts.pendingWebhooks === 0 || !facts.oldestPendingAt) return null;
  const age = now.getTime() - facts.oldestPendingAt.getTime();
  if (age < BACKLOG_MS) return null;
  return {
    kind: "backlog",
    message: `${plural(facts.pendingWebhooks, "webhook", "webhooks")} waiting to be applied, the oldest since ${duration(age)} ago.`,
    check:
      "Ones being retried are listed below with their reason. If none are, the server is not applying webhooks: check that it is running and that its database is reachable (server log).",
  };
}

/** "3 minutes", "7 hours", "2 days": rounded down, as a person would say it. */
export function duration(ms: number): string {
  if (ms < HOUR) return plural(Math.max(1, Math.floor(ms / MINUTE)), "minute", "minutes");
  if (ms < 48 * HOUR) return plural(Math.floor(ms / HOUR), "hour", "hours");
  return plural(Math.floor(ms / (24 * HOUR)), "day", "days");
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
