import { z } from "zod";

// The admin's view of the pipeline, per linked account, as GET /api/admin/pipeline answers
// it. Shared by the route (what it returns) and the browser (what it validates).

export const ZWebhookKind = z.enum(["MESSAGE", "EVENT", "STATUS_REPORT"]);
export type TWebhookKind = z.infer<typeof ZWebhookKind>;

export const ZPipelineWarning = z.object({
  kind: z.enum(["silent", "no-status-reports", "failed-webhooks", "backlog"]),
  /** What is wrong, in one sentence. */
  message: z.string(),
  /** What to check, in plain words. */
  check: z.string(),
});
export type TPipelineWarning = z.infer<typeof ZPipelineWarning>;

/** A webhook the intake processor could not apply: retrying (PENDING) or set aside (FAILED). */
export const ZFailingWebhook = z.object({
  id: z.string(),
  kind: ZWebhookKind,
  state: z.enum(["PENDING", "FAILED"]),
  receivedAt: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  /** When the processor tries it again; null once FAILED (only an admin retries it then). */
  nextTryAt: z.string().nullable(),
});
export type TFailingWebhook = z.infer<typeof ZFailingWebhook>;

export const ZAccountPipeline = z.object({
  accountId: z.string(),
  displayName: z.string(),
  igAccountId: z.string(),
  enabled: z.boolean(),
  warnings: z.array(ZPipelineWarning),
  lastWebhookAt: z.record(ZWebhookKind, z.string().nullable()),
  lastHourByKind: z.record(ZWebhookKind, z.number()),
  webhooks: z.object({
    lastHour: z.number(),
    /** Stored, not applied yet (including `retrying`). */
    pending: z.number(),
    retrying: z.number(),
    failed: z.number(),
    /** Parked until the message they refer to is stored. */
    waiting: z.number(),
    waitingOverAnHour: z.number(),
    oldestPendingAt: z.string().nullable(),
  }),
  replies: z.object({
    queued: z.number(),
    /** The earliest next try among queued replies. */
    nextQueuedAttemptAt: z.string().nullable(),
    failedLastDay: z.number(),
    recentFailures: z.array(z.object({ at: z.string(), reason: z.string().nullable() })),
  }),
  failing: z.array(ZFailingWebhook),
});
export type TAccountPipeline = z.infer<typeof ZAccountPipeline>;

export const ZPipelineStatus = z
  .object({
    generatedAt: z.string(),
    accounts: z.array(ZAccountPipeline),
  })
  .describe("GET /api/admin/pipeline: each linked account's webhooks and replies, as of generatedAt.");
export type TPipelineStatus = z.infer<typeof ZPipelineStatus>;

export const ZRetriedWebhook = z
  .object({ webhook: ZFailingWebhook })
  .describe("POST /api/admin/pipeline/webhooks/<id>/retry: the webhook, pending again.");
export const ZRetriedAll = z
  .object({ retried: z.number().describe("How many failed webhooks are pending again.") })
  .describe("POST /api/admin/accounts/<id>/pipeline/retry-failed.");
