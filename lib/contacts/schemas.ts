import { z } from "zod";

// The contact panel as the API sends it and the notes as it takes them (shared by server and browser).

export const CONTACT_NOTES_MAX = 5000;

export const ZContactDetails = z.object({
  id: z.string(),
  name: z.string().nullable(),
  username: z.string().nullable(),
  igsid: z.string(),
  accountName: z.string(),
  /** The first and the newest message either way (null: none yet). */
  firstContactAt: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  /** Messages from the customer, and all messages either way (system lines and notes not counted). */
  messages: z.object({ customer: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  notes: z.string(),
  notesUpdatedAt: z.string().nullable(),
  notesUpdatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The customer's newest answered satisfaction survey (issue 19), if any. */
  lastSurvey: z
    .object({ score: z.number().int().min(1).max(5), answeredAt: z.string(), comment: z.string().nullable() })
    .nullable()
    .optional(),
});
export type TContactDetails = z.infer<typeof ZContactDetails>;

export const ZContactAnswer = z
  .object({ contact: ZContactDetails })
  .describe("GET and PATCH /api/conversations/<id>/contact: the conversation's customer (after the save, for PATCH).");

export const ZSaveContactNotes = z.object({
  notes: z.string().max(CONTACT_NOTES_MAX, `must be at most ${CONTACT_NOTES_MAX} characters`),
  /**
   * The notesUpdatedAt the agent started editing from (null: never saved). When the stored
   * notes changed since, nothing is written and the answer is 409 with the current notes.
   */
  notesUpdatedAt: z.iso.datetime({ error: "must be a date and time" }).nullable(),
});
export type TSaveContactNotes = z.infer<typeof ZSaveContactNotes>;
