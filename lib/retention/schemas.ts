import { z } from "zod";

// Retention per Instagram account (issue 20), as Admin → Accounts edits it and
// /api/admin/accounts/<id>/retention checks and answers it: one schema per shape, for the
// form and the route alike.

export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 120;

/** Months of history kept: a whole number from 1 to 120. */
export const ZRetentionMonths = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number of months")
  .min(RETENTION_MONTHS_MIN, `must be at least ${RETENTION_MONTHS_MIN} month`)
  .max(RETENTION_MONTHS_MAX, `must be at most ${RETENTION_MONTHS_MAX} months`);

/** PUT /api/admin/accounts/<id>/retention: on or off, and how many months are kept. */
export const ZRetentionSettings = z.object({
  enabled: z.boolean({ error: "must be true or false" }),
  months: ZRetentionMonths,
});
export type TRetentionSettings = z.infer<typeof ZRetentionSettings>;

/** POST /api/admin/accounts/<id>/retention/preview: what `months` would delete now. */
export const ZRetentionPreviewRequest = z.object({ months: ZRetentionMonths });
export type TRetentionPreviewRequest = z.infer<typeof ZRetentionPreviewRequest>;

/** What a run with these months would delete if it ran now. */
export const ZRetentionPreview = z
  .object({
    months: z.number(),
    /** Conversations whose last message is before this are deleted (ISO time). */
    cutoff: z.string(),
    conversations: z.number(),
    messages: z.number(),
    uploads: z.number(),
    /**
     * More conversations are that old than a preview counts (it counts the oldest ones only, to
     * stay cheap): the figures are a lower bound.
     */
    capped: z.boolean(),
  })
  .describe("POST /api/admin/accounts/<id>/retention/preview: what a run would delete now.");
export type TRetentionPreview = z.infer<typeof ZRetentionPreview>;

/** The account's latest run: finishedAt null while it is still going (or was cut off and waits to resume). */
export const ZRetentionRunView = z.object({
  months: z.number(),
  cutoff: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** From start to finish, in milliseconds; null while running. */
  durationMs: z.number().nullable(),
  conversations: z.number(),
  messages: z.number(),
  uploads: z.number(),
});
export type TRetentionRunView = z.infer<typeof ZRetentionRunView>;

export const ZRetentionView = z.object({
  enabled: z.boolean(),
  months: z.number(),
  lastRun: ZRetentionRunView.nullable(),
});
export type TRetentionView = z.infer<typeof ZRetentionView>;

export const ZRetentionAnswer = z
  .object({ retention: ZRetentionView })
  .describe("GET or PUT /api/admin/accounts/<id>/retention: the settings and the last run's figures.");
