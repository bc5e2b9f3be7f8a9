import { z } from "zod";

// Outgoing webhooks (issue 21) as Admin → Webhooks and its routes send and receive them (shared
// by server and browser). An endpoint's signing secret appears in exactly one answer: the one
// that created it.

/**
 * What an endpoint may receive. Stable names, `entity.past_tense` as the socket events:
 * - `conversation.created`: a customer wrote for the first time;
 * - `conversation.updated`: its owner, status, snooze, handover or labels changed;
 * - `message.created`: a customer's, an agent's or the API's message (notes if chosen);
 * - `message.updated`: its delivery state changed, or the customer deleted it;
 * - `contact.updated`: the contact's name, username or notes changed;
 * - `survey.answered`: a customer scored the conversation (or added a comment).
 */
export const HOOK_EVENTS = [
  "conversation.created",
  "conversation.updated",
  "message.created",
  "message.updated",
  "contact.updated",
  "survey.answered",
] as const;
export const ZHookEventType = z.enum(HOOK_EVENTS, { error: `must be one of ${HOOK_EVENTS.join(", ")}` });
export type THookEventType = z.infer<typeof ZHookEventType>;

/** The event a "Send a test event" delivers (to that endpoint only). */
export const HOOK_TEST_EVENT = "webhook.test";

export const HOOK_DESCRIPTION_MAX = 200;

const ZEndpointFields = z.strictObject({
  url: z
    .string()
    .trim()
    .max(2000, "at most 2000 characters")
    .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://example.com/hooks" })),
  description: z.string().trim().max(HOOK_DESCRIPTION_MAX).default(""),
  events: z
    .array(ZHookEventType)
    .min(1, "choose at least one event")
    .transform((events) => HOOK_EVENTS.filter((event) => events.includes(event))),
  includeNotes: z.boolean().default(false),
  /** "all": every account, present and future; else these accounts' ids (at least one). */
  accounts: z.union([
    z.literal("all"),
    z.array(z.string().min(1).max(100)).min(1, "choose at least one account").max(200),
  ]),
});

export const ZCreateHookEndpoint = ZEndpointFields;
export type TCreateHookEndpoint = z.input<typeof ZCreateHookEndpoint>;
export type TCreateHookEndpointParsed = z.output<typeof ZCreateHookEndpoint>;

/** PATCH: what to change; `enabled: true` turns a disabled endpoint back on. */
export const ZUpdateHookEndpoint = ZEndpointFields.partial()
  .extend({ enabled: z.boolean().optional() })
  .refine((update) => Object.keys(update).length > 0, "Name at least one field to change.");
export type TUpdateHookEndpointParsed = z.output<typeof ZUpdateHookEndpoint>;

export const ZHookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(ZHookEventType),
  includeNotes: z.boolean(),
  accounts: z.union([z.literal("all"), z.array(z.object({ id: z.string(), displayName: z.string() }))]),
  enabled: z.boolean(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  /** Deliveries waiting (to be tried, or retried) and failed for good in the last 3 days. */
  pending: z.number().int(),
  failed: z.number().int(),
});
export type THookEndpoint = z.infer<typeof ZHookEndpoint>;

export const ZHookEndpointList = z
  .object({ endpoints: z.array(ZHookEndpoint) })
  .describe("GET /api/admin/webhooks: every webhook endpoint, newest first.");

export const ZCreatedHookEndpoint = z
  .object({
    endpoint: ZHookEndpoint,
    /** The signing secret ("whsec_…"): shown this once. */
    secret: z.string(),
  })
  .describe("POST /api/admin/webhooks: the new endpoint, with its signing secret this once.");

export const ZHookEndpointAnswer = z.object({ endpoint: ZHookEndpoint });

export const ZHookAttempt = z.object({
  id: z.string(),
  deliveryId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  at: z.string(),
  /** The HTTP status, or null when no answer came. */
  status: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
  response: z.string().nullable(),
  /** The delivery's state now (PENDING: it will be tried again, or is being tried). */
  deliveryState: z.enum(["PENDING", "DELIVERED", "FAILED"]),
});
export type THookAttempt = z.infer<typeof ZHookAttempt>;

export const ZHookAttemptList = z
  .object({ attempts: z.array(ZHookAttempt) })
  .describe("GET /api/admin/webhooks/{id}/attempts: the endpoint's latest delivery attempts, newest first.");

export const ZHookSent = z
  .object({ deliveryId: z.string() })
  .describe("POST …/test and …/resend: the delivery queued (tried within a second).");
