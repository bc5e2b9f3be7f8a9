import { z } from "zod";
import { ZBusinessHours, ZTimeZone } from "../business-hours/schemas";
import { INSTAGRAM_LIMITS as L, charCount } from "../cm/limits";

// An account's settings for reports and surveys (issue 19), as Admin → Accounts edits them and
// PUT /api/admin/accounts/<id>/settings checks them: one schema for the form and the route.

export const SURVEY_COOLDOWN_DAYS_MAX = 365;

const surveyText = (what: string) =>
  z
    .string({ error: "must be text" })
    .trim()
    .refine((v) => charCount(v) <= L.textMaxChars, `${what} can be at most ${L.textMaxChars} characters on Instagram`);

export const ZAccountSettings = z.object({
  /** The account's IANA time zone: its business hours and the days of its reports. */
  timeZone: ZTimeZone,
  /** Weekly hours and holidays; null: around the clock. */
  businessHours: ZBusinessHours.nullable(),
  /** Send a satisfaction survey when a conversation is resolved (off by default). */
  surveyEnabled: z.boolean({ error: "must be true or false" }),
  /** The question; empty: the default text. */
  surveyText: surveyText("The survey's question"),
  /** Asked after a score; empty: no follow-up. */
  surveyFollowUpText: surveyText("The follow-up question"),
  /** No survey to a customer who answered one within this many days (0: no pause). */
  surveyCooldownDays: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number of days")
    .min(0, "must be 0 or more")
    .max(SURVEY_COOLDOWN_DAYS_MAX, `must be at most ${SURVEY_COOLDOWN_DAYS_MAX} days`),
});
export type TAccountSettings = z.infer<typeof ZAccountSettings>;
