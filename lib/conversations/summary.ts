import { z } from "zod";
import { ZLabel } from "../labels/schemas";
import { ZSlaTarget } from "../sla/schemas";

export const CONVERSATION_STATUSES = ["OPEN", "SNOOZED", "RESOLVED"] as const;
export const ZConversationStatus = z.enum(CONVERSATION_STATUSES);
export type TConversationStatus = z.infer<typeof ZConversationStatus>;

// The conversation as the inbox list shows it. Shared by the API (which builds it) and the
// browser (which validates what it receives and patches its cache with it).
export const ZConversationSummary = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  contact: z.object({
    /**
     * The contact's id (the public API's /contacts/{id}); absent where a producer does not read
     * it (the intake's live events).
     */
    id: z.string().optional(),
    igsid: z.string(),
    name: z.string().nullable(),
    username: z.string().nullable(),
  }),
  lastMessageAt: z.string(),
  lastMessagePreview: z.string(),
  /** The customer's newest message: Instagram's 24-hour messaging window runs from it. */
  lastInboundAt: z.string().nullable(),
  /** While in the future, the chat is handed over to the Instagram inbox (HUMAN_AGENT). */
  handoverUntil: z.string().nullable(),
  /** Open (to work on), Snoozed until snoozedUntil (then open again by itself), or Resolved. */
  status: ZConversationStatus,
  snoozedUntil: z.string().nullable(),
  /** The customer's oldest message nobody answered yet; null when nobody waits. */
  waitingSince: z.string().nullable(),
  /** The agent who holds it. */
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  /**
   * The bot that answers it first (issue 21; null: the team's). Absent where a producer does not
   * read it (the intake's live events): a browser keeps what it holds then.
   */
  bot: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  /** Its labels, by name. */
  labels: z.array(ZLabel),
  /** Messages from the customer this agent has not seen; null in live events (per agent). */
  unreadCount: z.number().int().nonnegative().nullable(),
  updatedAt: z.string(),
  /**
   * The next SLA due time (issue 19; null: none), its target, when 75 % of it is used, and
   * whether that was so when this was built. Absent where a producer does not read them (the
   * intake's live events): a browser keeps what it holds then.
   */
  slaDueAt: z.string().nullable().optional(),
  slaTarget: ZSlaTarget.nullable().optional(),
  slaAtRiskAt: z.string().nullable().optional(),
  slaAtRisk: z.boolean().optional(),
});
export type TConversationSummary = z.infer<typeof ZConversationSummary>;

export const ZConversationPage = z
  .object({
    conversations: z.array(ZConversationSummary),
    /** The next page's cursor (null: this is the last page). */
    nextCursor: z.string().nullable(),
  })
  .describe("GET /api/conversations: one page of the inbox list, in the order asked for.");
export type TConversationPage = z.infer<typeof ZConversationPage>;

export const ZConversationAnswer = z
  .object({ conversation: ZConversationSummary })
  .describe("The conversation as it is now (after the change, for a write); `unreadCount` is this agent's.");

/**
 * `incoming` with the SLA fields of `held` when it does not carry them (a live event from the
 * intake): a customer's new message must not wipe the badge until the SLA worker says more.
 */
export function keepSla(incoming: TConversationSummary, held: TConversationSummary | undefined): TConversationSummary {
  if (incoming.slaDueAt !== undefined || !held || held.slaDueAt === undefined) return incoming;
  return {
    ...incoming,
    slaDueAt: held.slaDueAt,
    slaTarget: held.slaTarget ?? null,
    slaAtRiskAt: held.slaAtRiskAt ?? null,
    slaAtRisk: held.slaAtRisk ?? false,
  };
}
