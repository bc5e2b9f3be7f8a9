// Instagram's rules for when a business may write, as pure functions of the conversation and
// a clock (shared by the server, which enforces them, and the browser, which shows them).
// Source: the channel spec (shared/spec/instagram-messaging.txt), "Considerations",
// "Handover protocol" and the fact sheet.

/** The standard messaging window: replies only within 24 hours of the customer's last message. */
export const MESSAGING_WINDOW_MS = 24 * 60 * 60 * 1000;
/** After a HUMAN_AGENT handover, CM.com has no control of the conversation for 24 hours. */
export const HANDOVER_MS = 24 * 60 * 60 * 1000;
/**
 * Meta's HUMAN_AGENT message tag lets a person answer up to 7 days after the customer's last
 * message (Meta's message tag policy; CM's SDKs carry `tag` on Instagram messages: FORMATS.md).
 */
export const HUMAN_AGENT_TAG = "HUMAN_AGENT";
export const HUMAN_AGENT_TAG_MS = 7 * 24 * 60 * 60 * 1000;
/** The quick-reply postback that hands the chat to the Instagram inbox (spec: handover protocol). */
export const HUMAN_AGENT_POSTBACK = "HUMAN_AGENT";

export interface TChannelState {
  /** The customer's newest message we know of (ISO string or Date). */
  lastInboundAt: string | Date | null;
  /** While in the future, the chat is with the Instagram inbox. */
  handoverUntil: string | Date | null;
}

export type TWindow =
  | { open: true; closesAt: Date }
  /** `closedAt` is null when the customer never wrote: there is no window to reopen. */
  | { open: false; closedAt: Date | null };

export function messagingWindow(state: Pick<TChannelState, "lastInboundAt">, now: Date): TWindow {
  if (!state.lastInboundAt) return { open: false, closedAt: null };
  const closesAt = new Date(new Date(state.lastInboundAt).getTime() + MESSAGING_WINDOW_MS);
  // Message tags, which would allow replies later, are "coming soon" on Instagram (fact sheet).
  return now < closesAt ? { open: true, closesAt } : { open: false, closedAt: closesAt };
}

export function handover(
  state: Pick<TChannelState, "handoverUntil">,
  now: Date,
): { active: boolean; until: Date | null } {
  if (!state.handoverUntil) return { active: false, until: null };
  const until = new Date(state.handoverUntil);
  return now < until ? { active: true, until } : { active: false, until: null };
}

export type TSendVerdict =
  | { ok: true; takesBack: boolean; /** Sent with this message tag (outside the 24-hour window). */ tag: string | null }
  | { ok: false; code: "WINDOW_CLOSED" | "HANDED_OVER"; reason: string };

/**
 * Where a reply would fall: inside the 24-hour window, in the human agent tag's zone (24 hours
 * to 7 days, only when the account has the tag switched on), or nowhere.
 */
export type TReplyZone =
  { zone: "window"; closesAt: Date } | { zone: "tagged"; closesAt: Date } | { zone: "closed"; closedAt: Date | null };

export function replyZone(
  state: Pick<TChannelState, "lastInboundAt">,
  now: Date,
  { humanAgentTag = false }: { humanAgentTag?: boolean } = {},
): TReplyZone {
  const window = messagingWindow(state, now);
  if (window.open) return { zone: "window", closesAt: window.closesAt };
  if (!state.lastInboundAt) return { zone: "closed", closedAt: null };
  const tagEnds = new Date(new Date(state.lastInboundAt).getTime() + HUMAN_AGENT_TAG_MS);
  if (humanAgentTag && now < tagEnds) return { zone: "tagged", closesAt: tagEnds };
  return { zone: "closed", closedAt: humanAgentTag ? tagEnds : window.closedAt };
}

/**
 * May an agent send now? Outside the window Instagram refuses the message, so we do not send.
 * During a handover a message sent through the API takes the chat back from the Instagram
 * inbox (spec), so it needs the agent to say so (`takeBack`).
 */
export function canSend(
  state: TChannelState,
  now: Date,
  {
    takeBack,
    humanAgentTag = false,
  }: {
    takeBack: boolean;
    /** The account sends a person's replies after 24 hours with the HUMAN_AGENT tag (never automated ones). */
    humanAgentTag?: boolean;
  },
): TSendVerdict {
  const zone = replyZone(state, now, { humanAgentTag });
  if (zone.zone === "closed") {
    return {
      ok: false,
      code: "WINDOW_CLOSED",
      reason: !zone.closedAt
        ? "The customer has not written yet: on Instagram, only the customer can start a conversation."
        : humanAgentTag
          ? "More than 7 days have passed since the customer's last message: even with the human agent tag, Instagram allows no reply. Wait for them to write again."
          : "Instagram allows replies only within 24 hours of the customer's last message. Wait for them to write again.",
    };
  }
  const handed = handover(state, now);
  if (handed.active && !takeBack) {
    return {
      ok: false,
      code: "HANDED_OVER",
      reason: "This chat is handed over to the Instagram inbox. Sending from here takes it back: confirm to do so.",
    };
  }
  return { ok: true, takesBack: handed.active, tag: zone.zone === "tagged" ? HUMAN_AGENT_TAG : null };
}

/** The handover's end after the customer tapped a HUMAN_AGENT quick reply at `at`. */
export function handoverUntilAfter(postbackData: string | null, at: Date): Date | null {
  return postbackData === HUMAN_AGENT_POSTBACK ? new Date(at.getTime() + HANDOVER_MS) : null;
}

/** Instagram's daily rate limit: 200 × the number of people the business can message (spec: considerations). */
export const DAILY_SENDS_PER_PERSON = 200;
/** The composer warns from this share of the daily limit on. */
export const DAILY_LIMIT_WARN_AT = 0.8;

export interface TDailyUsage {
  /** Messages sent to CM in the last 24 hours (rolling: Instagram does not say which day). */
  sent: number;
  /** People whose reply window is open now: the ones the business can message. */
  reachable: number;
}

export type TDailyLimit = { limit: number; share: number; level: "ok" | "warn" | "reached" };

/** Today's use against Instagram's daily limit, and whether to warn. */
export function dailyLimit({ sent, reachable }: TDailyUsage): TDailyLimit {
  const limit = DAILY_SENDS_PER_PERSON * reachable;
  const share = limit === 0 ? (sent > 0 ? 1 : 0) : sent / limit;
  return { limit, share, level: share >= 1 ? "reached" : share >= DAILY_LIMIT_WARN_AT ? "warn" : "ok" };
}
