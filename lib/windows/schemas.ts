import { z } from "zod";

// The reply-window board's answer (GET /api/windows), shared by the route, which checks what it
// sends, and the browser, which checks what it receives.

/** One waiting customer whose reply window is closing. */
export const ZReplyWindowRow = z.object({
  conversationId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  customer: z.object({ igsid: z.string(), name: z.string().nullable(), username: z.string().nullable() }),
  /** Who holds the conversation; null: nobody. */
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** When Instagram's 24-hour window closes (the customer's last message + 24 h). */
  closesAt: z.string(),
  /** When the human-agent tag's zone ends (last message + 7 days); null: the account does not use the tag. */
  tagClosesAt: z.string().nullable(),
  /** While in the future, the chat is handed over to the Instagram inbox. */
  handoverUntil: z.string().nullable(),
  /** The customer's oldest unanswered message. */
  waitingSince: z.string(),
  /** The conversation's last message, cut short. */
  lastMessage: z.string(),
});
export type TReplyWindowRow = z.infer<typeof ZReplyWindowRow>;

export const REPLY_WINDOW_GROUPS = ["underOneHour", "oneToFourHours", "humanAgentTag", "handedOver"] as const;
export type TReplyWindowGroup = (typeof REPLY_WINDOW_GROUPS)[number];

/** Each group's heading, as the board shows it. */
export const REPLY_WINDOW_GROUP_TITLES: Record<TReplyWindowGroup, string> = {
  underOneHour: "< 1 h",
  oneToFourHours: "1–4 h",
  humanAgentTag: "Human agent tag (24 h–7 d)",
  handedOver: "Handed over to the Instagram inbox",
};

export const ZReplyWindowGroups = z.object({
  underOneHour: z.array(ZReplyWindowRow),
  oneToFourHours: z.array(ZReplyWindowRow),
  humanAgentTag: z.array(ZReplyWindowRow),
  handedOver: z.array(ZReplyWindowRow),
});
export type TReplyWindowGroups = z.infer<typeof ZReplyWindowGroups>;

export const ZLostWindowCount = z.object({ accountId: z.string(), accountName: z.string(), count: z.number().int() });
export type TLostWindowCount = z.infer<typeof ZLostWindowCount>;

export const ZReplyWindows = z
  .object({
    /** The server's clock when it answered. */
    now: z.string(),
    groups: ZReplyWindowGroups.describe("Each soonest closing first."),
    /** Some rows were left out (more than the board shows at once). */
    truncated: z.boolean(),
    /** When the board changes by the clock alone (a waiting customer's window enters the last 4 hours); null: none does. */
    refreshAt: z.string().nullable(),
    /** Windows that closed without an answer in the last 7 days, per account (accounts with none left out). */
    lostLastWeek: z.array(ZLostWindowCount),
  })
  .describe("GET /api/windows: waiting customers whose reply window closes soon, grouped.");
export type TReplyWindows = z.infer<typeof ZReplyWindows>;
