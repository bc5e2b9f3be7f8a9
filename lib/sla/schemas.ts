import { z } from "zod";

// SLA policies (issue 19), as Admin → SLA policies edits them and the API answers: shared by the
// routes, the worker and the browser.

export const SLA_TARGETS = ["FIRST_RESPONSE", "NEXT_RESPONSE", "RESOLUTION"] as const;
export const ZSlaTarget = z.enum(SLA_TARGETS);
export type TSlaTarget = z.infer<typeof ZSlaTarget>;

/** How people read each target. */
export const SLA_TARGET_NAMES: Record<TSlaTarget, string> = {
  FIRST_RESPONSE: "First response",
  NEXT_RESPONSE: "Next response",
  RESOLUTION: "Resolution",
};

/** A year: longer targets are typing mistakes. */
export const SLA_MAX_MINUTES = 525_600;

const ZMinutes = z
  .number({ error: "must be a number of minutes" })
  .int("must be a whole number of minutes")
  .min(1, "must be at least 1 minute")
  .max(SLA_MAX_MINUTES, "must be at most 525600 minutes (a year)")
  .nullable();

/** The targets of a policy; null: no target of that kind. */
export const ZSlaPolicyInput = z
  .object({
    firstResponseMinutes: ZMinutes,
    nextResponseMinutes: ZMinutes,
    resolutionMinutes: ZMinutes,
    /** The clocks run only in the account's business hours (around the clock when it has none). */
    businessHoursOnly: z.boolean({ error: "must be true or false" }),
  })
  .strict();
export type TSlaPolicyInput = z.infer<typeof ZSlaPolicyInput>;

export const ZSlaPolicy = ZSlaPolicyInput.extend({
  /** null: the default for every account without its own. */
  accountId: z.string().nullable(),
  updatedAt: z.string(),
});
export type TSlaPolicy = z.infer<typeof ZSlaPolicy>;

/** An account as the page lists it, with its own policy if it has one. */
export const ZSlaAccountPolicy = z.object({
  accountId: z.string(),
  displayName: z.string(),
  /** Whether the account has business hours (else "business hours only" runs around the clock). */
  hasBusinessHours: z.boolean(),
  timeZone: z.string(),
  policy: ZSlaPolicy.nullable(),
});
export type TSlaAccountPolicy = z.infer<typeof ZSlaAccountPolicy>;

export const ZSlaPolicies = z
  .object({
    /** The default, null when none is set. */
    defaultPolicy: ZSlaPolicy.nullable(),
    accounts: z.array(ZSlaAccountPolicy).describe("Every account, by name, with its own policy (null: the default)."),
  })
  .describe("GET /api/admin/sla-policies: the default SLA policy and each account's own.");
export type TSlaPolicies = z.infer<typeof ZSlaPolicies>;

export const ZSlaPolicyAnswer = z
  .object({ policy: ZSlaPolicy })
  .describe("PUT /api/admin/sla-policies/default or /accounts/<id>: the policy as saved.");

/** Sent to each person warned (EVENTS.slaWarned, their own room): a due time is 10 minutes away. */
export const ZSlaWarningNotice = z.object({
  conversationId: z.string(),
  /** The customer, as the list names them. */
  contactName: z.string(),
  target: ZSlaTarget.nullable(),
  dueAt: z.string(),
  /** "First response due in 10 min". */
  text: z.string(),
});
export type TSlaWarningNotice = z.infer<typeof ZSlaWarningNotice>;
