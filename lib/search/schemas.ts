import { z } from "zod";

// Search's request and answer, shared by the route (which validates the query) and the
// browser (which validates the answer).

export const SEARCH_MAX_QUERY = 200;

export const ZSearchQuery = z.object({
  q: z
    .string({ error: "Type what to search for." })
    .trim()
    .min(1, "Type what to search for.")
    .max(SEARCH_MAX_QUERY, `Search for at most ${SEARCH_MAX_QUERY} characters.`),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().optional(),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/** The conversation a result opens, with what the agent recognises it by. */
export const ZSearchConversation = z.object({
  id: z.string(),
  contactName: z.string().nullable(),
  username: z.string().nullable(),
  accountName: z.string(),
  lastMessageAt: z.string(),
});
export type TSearchConversation = z.infer<typeof ZSearchConversation>;

export const ZSearchMessageHit = z.object({
  conversation: ZSearchConversation,
  message: z.object({
    id: z.string(),
    sentAt: z.string(),
    /** INTERNAL: an agents' private note. */
    direction: z.enum(["INBOUND", "OUTBOUND", "INTERNAL"]),
    /** The message's words around the first match, on one line ("…" where cut). */
    snippet: z.string(),
  }),
});
export type TSearchMessageHit = z.infer<typeof ZSearchMessageHit>;

export const ZSearchResults = z
  .object({
    /**
     * The words searched for, as the database compares them (lower case, accents folded): the
     * browser highlights the words that start with one of them.
     */
    terms: z.array(z.string()),
    /** Conversations whose contact's name or @username matches (first page only). */
    contacts: z.array(ZSearchConversation),
    /** Matching messages, newest first. */
    messages: z.array(ZSearchMessageHit),
    nextCursor: z.string().nullable(),
  })
  .describe("GET /api/search: contacts and messages of the accounts this agent may see.");
export type TSearchResults = z.infer<typeof ZSearchResults>;
