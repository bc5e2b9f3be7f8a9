import { z } from "zod";

// A private note's request and the mention notice, shared by the route and the browser.

export const NOTE_MAX_CHARS = 5000;
export const NOTE_TOO_LONG = `A note holds at most ${NOTE_MAX_CHARS} characters.`;

/** POST /api/conversations/<id>/notes. */
export const ZAddNote = z.object({
  text: z
    .string({ error: "Write the note first." })
    .trim()
    .min(1, "Write the note first.")
    .max(NOTE_MAX_CHARS, NOTE_TOO_LONG),
  /** The browser's id for its optimistic bubble; a resend with it is answered, not stored twice. */
  clientId: z.string().min(1).max(100).optional(),
});
export type TAddNote = z.infer<typeof ZAddNote>;

/** Sent to the mentioned agent's own room (EVENTS.mentionCreated): what the notification shows. */
export const ZMentionNotice = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  authorName: z.string(),
  /** The customer the conversation is with, as the list names them. */
  contactName: z.string(),
  /** The note's first words, on one line. */
  excerpt: z.string(),
});
export type TMentionNotice = z.infer<typeof ZMentionNotice>;
