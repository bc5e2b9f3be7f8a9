import { z } from "zod";
import { ZAccountSettings } from "./settings-schemas";

// Linked Instagram accounts, as the admin page sends and receives them. Shared by the route
// handlers (validation) and the browser (forms). The product token goes in, never out.

export const ZIgAccountId = z
  .string()
  .trim()
  .regex(/^\d{5,32}$/, "must be the Instagram account ID: digits only (CM.com shows it under Channels → Instagram)");

export const ZProductToken = z
  .string()
  .trim()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    "must be a CM product token: a GUID with hyphens, like 11111111-2222-3333-4444-555555555555",
  );

export const ZCmBaseUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://gw.messaging.cm.com" })
  .transform((url) => url.replace(/\/+$/, ""));

export const ZCreateAccount = z.object({
  igAccountId: ZIgAccountId,
  displayName: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  productToken: ZProductToken,
  cmBaseUrl: ZCmBaseUrl.nullable().optional(),
});
export type TCreateAccount = z.infer<typeof ZCreateAccount>;

/** Every field optional; a product token given here replaces the stored one (write-only). */
export const ZUpdateAccount = z.object({
  displayName: ZCreateAccount.shape.displayName.optional(),
  productToken: ZProductToken.optional(),
  cmBaseUrl: ZCmBaseUrl.nullable().optional(),
  enabled: z.boolean().optional(),
  humanAgentTag: z.boolean({ error: "must be true or false" }).optional(),
});
export type TUpdateAccount = z.infer<typeof ZUpdateAccount>;

export const ZWebhookUrls = z.object({ messages: z.string(), events: z.string(), statusReports: z.string() });

export const ZAccountView = z.object({
  id: z.string(),
  igAccountId: z.string(),
  displayName: z.string(),
  /** e.g. "••••••••-••••-••••-••••-••••••••5555": enough to recognise, useless to steal. */
  productTokenMasked: z.string(),
  cmBaseUrl: z.string().nullable(),
  enabled: z.boolean(),
  /** A person's replies 24 hours to 7 days after the customer wrote go out with the HUMAN_AGENT tag. */
  humanAgentTag: z.boolean(),
  /** Automatic assignment of new and reopened conversations to online members. */
  autoAssign: z.boolean(),
  /** An agent gets no more automatically while holding this many open conversations. */
  autoAssignLimit: z.number(),
  webhookUrls: ZWebhookUrls,
  createdAt: z.string(),
  /** Time zone, business hours and the satisfaction survey (issue 19), as the settings form edits them. */
  settings: ZAccountSettings,
});
export type TAccountView = z.infer<typeof ZAccountView>;

export const AUTO_ASSIGN_LIMIT_MAX = 1000;

/** Admin → Accounts: switch automatic assignment, and the per-agent limit. */
export const ZAutoAssignSettings = z.object({
  autoAssign: z.boolean({ error: "must be true or false" }),
  autoAssignLimit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(AUTO_ASSIGN_LIMIT_MAX, `must be at most ${AUTO_ASSIGN_LIMIT_MAX}`),
});
export type TAutoAssignSettings = z.infer<typeof ZAutoAssignSettings>;

export const ZConnectionTest = z.object({
  ok: z.boolean(),
  /** CM's answer in plain words. */
  message: z.string(),
  code: z.number().nullable(),
});
export type TConnectionTest = z.infer<typeof ZConnectionTest>;

// ---- Answers (the routes' `response`, read by lib/queries with the same schemas) ----------

export const ZAccountList = z
  .object({ accounts: z.array(ZAccountView).describe("By display name.") })
  .describe("GET /api/admin/accounts: every linked account.");

export const ZAccountAnswer = z
  .object({ account: ZAccountView })
  .describe("The account as it is after the write (created, updated, auto-assign set, webhook secret rotated).");

export const ZConnectionTestAnswer = z
  .object({ result: ZConnectionTest })
  .describe("POST /api/admin/accounts/<id>/test-connection: what CM.com said of the stored product token.");

export function maskToken(last4: string): string {
  return `••••••••-••••-••••-••••-••••••••${last4}`;
}
