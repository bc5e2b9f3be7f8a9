import { z } from "zod";
import { SORTS, STATUS_FILTERS, WINDOW_FILTERS } from "../conversations/schemas";
import { ZConversationSummary } from "../conversations/summary";
import { ZOutboundContent } from "../messages/compose-schemas";
import { ZMessageView } from "../messages/schemas";

// The public API's shapes (issue 21, /api/v1): stable names, ISO times, lists as
// { data, nextCursor }. Built from the same schemas as the browser's routes where the resource
// is the same; what only makes sense for a person (a conversation's unread count is per agent)
// is left out. Strict where the browser's are lenient: a caller's typo is a 400 that names it,
// not a silently different answer.

export const ZV1Account = z.object({
  id: z.string(),
  /** Instagram's account ID (digits). */
  igAccountId: z.string(),
  displayName: z.string(),
  /** The account's IANA time zone (business hours, reports' days). */
  timeZone: z.string(),
  enabled: z.boolean(),
});

export const ZV1AccountList = z
  .object({ data: z.array(ZV1Account), nextCursor: z.null() })
  .describe("GET /api/v1/accounts: the Instagram accounts this token may reach, by name.");

export const ZV1Conversation = ZConversationSummary.omit({ unreadCount: true });
export type TV1Conversation = z.infer<typeof ZV1Conversation>;

export const ZV1ConversationList = z
  .object({ data: z.array(ZV1Conversation), nextCursor: z.string().nullable() })
  .describe("GET /api/v1/conversations: one page of conversations, in the order asked for.");

const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((value) => value === "true");

export const ZV1ConversationQuery = z.strictObject({
  /** unassigned: nobody holds them; all (default). */
  view: z.enum(["all", "unassigned"], { error: "must be all or unassigned" }).default("all"),
  status: z.enum(STATUS_FILTERS, { error: `must be one of ${STATUS_FILTERS.join(", ")}` }).default("open"),
  account: z.string().min(1).max(100).optional(),
  label: z.string().min(1).max(100).optional(),
  window: z.enum(WINDOW_FILTERS, { error: `must be one of ${WINDOW_FILTERS.join(", ")}` }).default("any"),
  handover: bool.default(false),
  sort: z.enum(SORTS, { error: `must be one of ${SORTS.join(", ")}` }).default("newest"),
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

/**
 * A message as the thread shows it: `authorName` is the agent, "via API: <token name>" for one
 * sent through the API, null for the customer's; `status` is the outbox's (QUEUED, SENDING,
 * ACCEPTED, DELIVERED, FAILED, CANCELLED) for what we send.
 */
export const ZV1Message = ZMessageView.omit({ clientId: true });

export const ZV1MessageList = z
  .object({ data: z.array(ZV1Message), nextCursor: z.string().nullable() })
  .describe("GET /api/v1/conversations/{id}/messages: the thread, newest first, older pages by cursor.");

export const ZV1MessageQuery = z.strictObject({
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(200).default(50),
  /** Older than this cursor (the previous page's nextCursor). */
  cursor: z.string().max(500).optional(),
});

/**
 * A message to send, of any kind the composer sends (text with or without quick replies, image,
 * card, carousel), checked against Instagram's rules and the 24-hour window as an agent's is.
 */
export const ZV1SendMessage = z.strictObject({
  content: ZOutboundContent,
  /** Sending takes a chat handed over to the Instagram inbox back (the handover protocol). */
  takeBack: z.boolean().optional(),
});
