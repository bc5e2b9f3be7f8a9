import { z } from "zod";
import { ZSaveContactNotes } from "../contacts/schemas";
import { SORTS, STATUS_FILTERS, WINDOW_FILTERS } from "../conversations/schemas";
import { ZConversationSummary } from "../conversations/summary";
import { ZId } from "../http/route-params";
import { ZLabel } from "../labels/schemas";
import { ZOutboundContent } from "../messages/compose-schemas";
import { ZMessageView } from "../messages/schemas";
import { ZAddNote } from "../notes/schemas";
import { ZReportOverview, ZReportQuery } from "../reports/schemas";
import { ZSavedReplyView } from "../saved-replies/schemas";
import { ZSearchQuery, ZSearchResults } from "../search/schemas";

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

/** A conversation as the inbox lists it; `contact.id` is the contact's (GET /contacts/{id}). */
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

/** GET /conversations/{id}/notes: the conversation's private notes, newest first. */
export const ZV1NoteList = z
  .object({ data: z.array(ZV1Message), nextCursor: z.string().nullable() })
  .describe("GET /api/v1/conversations/{id}/notes: the private notes, newest first, older pages by cursor.");

/** A private note to write: agents see it in the thread, the customer never does; `@name` mentions an agent. */
export const ZV1AddNote = ZAddNote.pick({ text: true }).strict();

export const ZV1LabelList = z
  .object({ data: z.array(ZLabel), nextCursor: z.null() })
  .describe("GET /api/v1/labels: every label (labels are the team's, not an account's), by name.");

export const ZV1AddLabel = z.strictObject({ labelId: ZId });

/**
 * A contact (one customer of one Instagram account) as the API and its webhooks show it: a pure
 * function of the stored row (toV1Contact), so every producer of it answers the same.
 */
export const ZV1Contact = z
  .object({
    id: z.string(),
    accountId: z.string(),
    /** Instagram's id for the customer on this account. */
    igsid: z.string(),
    name: z.string().nullable(),
    username: z.string().nullable(),
    /** The team's notes about the customer (the contact panel); never sent to them. */
    notes: z.string(),
    /** When the notes were last saved (null: never); send it back as notesUpdatedAt to save safely. */
    notesUpdatedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe("A contact: one customer of one Instagram account.");
export type TV1Contact = z.infer<typeof ZV1Contact>;

export interface TV1ContactRow {
  id: string;
  accountId: string;
  igsid: string;
  name: string | null;
  username: string | null;
  notes: string;
  notesUpdatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toV1Contact(row: TV1ContactRow): TV1Contact {
  return {
    id: row.id,
    accountId: row.accountId,
    igsid: row.igsid,
    name: row.name,
    username: row.username,
    notes: row.notes,
    notesUpdatedAt: row.notesUpdatedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The contact's notes, whole. With notesUpdatedAt (as the contact last showed it, null: never
 * saved) the save happens only if nobody saved since (409 otherwise); without it, it wins.
 */
export const ZV1SaveContactNotes = z.strictObject({
  notes: ZSaveContactNotes.shape.notes,
  notesUpdatedAt: ZSaveContactNotes.shape.notesUpdatedAt.optional(),
});

export const ZV1SavedReplyList = z
  .object({ data: z.array(ZSavedReplyView), nextCursor: z.null() })
  .describe("GET /api/v1/saved-replies: the team's saved replies, by code (the team shares them).");

/** `q`: the words, each matched as the start of a word (case and accents aside); `limit` 1–50 (20); `cursor`. */
export const ZV1SearchQuery = ZSearchQuery.strict();

export const ZV1SearchResults = ZSearchResults.describe(
  "GET /api/v1/search: contacts (first page only) and messages (newest first, by cursor) of the token's accounts.",
);

/** The reports' query, as Reports → Overview takes it (range, from, to, granularity, accountId, agentId, labelId, businessHours). */
export const ZV1ReportQuery = ZReportQuery.strict();

export const ZV1ReportOverview = ZReportOverview.describe(
  "GET /api/v1/reports/overview: the figures beside the previous period's, the series and the heatmap, over the token's accounts.",
);
