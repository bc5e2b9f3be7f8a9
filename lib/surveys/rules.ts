import { handover, messagingWindow, type TChannelState } from "../channel/rules";
import { isSurveyPostback, loneDigitScore, parseSurveyPostback, type TSurveyScore } from "./survey-message";

// When a survey goes out and what counts as its answer (issue 19, "Satisfaction surveys"), as
// pure functions of the facts and a clock, so they are tested on fixed timelines.

const DAY_MS = 24 * 60 * 60 * 1000;

export type TSurveySkip = "disabled" | "window_closed" | "handed_over" | "already_sent" | "cooldown";

export interface TSurveyFacts {
  account: { surveyEnabled: boolean; surveyCooldownDays: number };
  conversation: TChannelState;
  /** The customer's newest message (before reports knew openings: when the opening began). */
  customerWroteAt: Date | null;
  /** This conversation's newest survey, if any. */
  lastSurveySentAt: Date | null;
  /** When this customer last answered a survey (any conversation of theirs), if ever. */
  lastAnsweredAt: Date | null;
}

/**
 * Whether resolving now sends a survey. An automatic message: only inside the 24-hour window
 * (never with the human agent tag, which is for people), never during a handover (a message
 * from the API would take the chat back from the Instagram inbox: spec, handover protocol),
 * once per resolution (none since the customer last wrote), and not to a customer who answered one
 * within the account's cooldown.
 */
export function shouldSendSurvey(
  facts: TSurveyFacts,
  now: Date,
): { send: true } | { send: false; reason: TSurveySkip } {
  if (!facts.account.surveyEnabled) return { send: false, reason: "disabled" };
  if (!messagingWindow(facts.conversation, now).open) return { send: false, reason: "window_closed" };
  if (handover(facts.conversation, now).active) return { send: false, reason: "handed_over" };
  if (facts.lastSurveySentAt && facts.customerWroteAt && facts.lastSurveySentAt >= facts.customerWroteAt) {
    return { send: false, reason: "already_sent" };
  }
  const cooldownMs = facts.account.surveyCooldownDays * DAY_MS;
  if (facts.lastAnsweredAt && now.getTime() - facts.lastAnsweredAt.getTime() < cooldownMs) {
    return { send: false, reason: "cooldown" };
  }
  return { send: true };
}

/** A customer's message as the intake stores it: its kind and content. */
export interface TCustomerMessage {
  kind: string;
  content: Record<string, unknown> | null;
}

/**
 * Worth a second look by the intake: a tap on a survey's quick reply, or a lone digit 1–5.
 * Cheap and pure: the hot path asks it of every message, and almost every answer is no.
 */
export function looksLikeSurveyAnswer(message: TCustomerMessage): boolean {
  const c = message.content;
  if (!c) return false;
  if (message.kind === "QUICK_REPLY_ANSWER")
    return typeof c.postbackData === "string" && isSurveyPostback(c.postbackData);
  return message.kind === "TEXT" && typeof c.text === "string" && loneDigitScore(c.text) !== null;
}

/** The conversation's newest survey, as the intake finds it before the message. */
export interface TLatestSurvey {
  id: string;
  answered: boolean;
  /** The customer wrote something since it was sent (before this message). */
  customerWroteSince: boolean;
}

export type TSurveyAnswer = { surveyId: string; score: TSurveyScore; via: "quick_reply" | "digit" };

/**
 * The survey answer a message gives, if any. A quick reply names its survey and score (the
 * caller checks the survey is this conversation's and unanswered). A lone digit counts "right
 * after" a survey: it is the customer's next message while that survey is the newest and
 * unanswered.
 */
export function surveyAnswerOf(message: TCustomerMessage, latest: TLatestSurvey | null): TSurveyAnswer | null {
  const c = message.content;
  if (!c) return null;
  if (message.kind === "QUICK_REPLY_ANSWER" && typeof c.postbackData === "string") {
    const parsed = parseSurveyPostback(c.postbackData);
    return parsed ? { ...parsed, via: "quick_reply" } : null;
  }
  if (message.kind !== "TEXT" || typeof c.text !== "string") return null;
  const score = loneDigitScore(c.text);
  if (score === null || !latest || latest.answered || latest.customerWroteSince) return null;
  return { surveyId: latest.id, score, via: "digit" };
}

/** CSAT: the share of answers that are 4 or 5 (null: no answers). */
export function csat(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores.filter((s) => s >= 4).length / scores.length;
}
