import { z } from "zod";
import { isSurveyScore, ratedText } from "../surveys/survey-message";

// A line in the thread for agents only: a change of a conversation's status or assignee.
// Stored as a Message (direction INTERNAL, kind SYSTEM), pushed live like one, never sent.

export const SYSTEM_EVENTS = [
  "assigned",
  "unassigned",
  "resolved",
  "reopened",
  "snoozed",
  "woke",
  "survey_answered",
  "handed_over",
] as const;

/** handed_over: why a bot's conversation went to the team (issue 21). */
export const HANDOVER_REASONS = ["bot", "customer_asked", "bot_silent", "bot_revoked"] as const;
export type THandoverReason = (typeof HANDOVER_REASONS)[number];

export const ZSystemContent = z.object({
  event: z.enum(SYSTEM_EVENTS),
  /** Who did it; null when nobody did (automatic assignment, the customer, the clock). */
  actorName: z.string().nullable(),
  /** assigned: to whom; unassigned: from whom. */
  assigneeName: z.string().nullable().optional(),
  /** reopened: why. */
  reason: z.enum(["agent", "customer_wrote"]).optional(),
  /** snoozed: until when (ISO time). */
  until: z.string().optional(),
  /** survey_answered: the customer's score, 1 to 5 (issue 19). */
  score: z.number().int().min(1).max(5).optional(),
  /** handed_over: why, and the bot that held it (actorName is the bot when it handed over itself). */
  handover: z.enum(HANDOVER_REASONS).optional(),
  botName: z.string().optional(),
});
export type TSystemContent = z.infer<typeof ZSystemContent>;

/** The line as the thread shows it (without its time, which is shown beside it). */
export function systemLineText(content: TSystemContent, formatUntil: (iso: string) => string): string {
  const actor = content.actorName;
  switch (content.event) {
    case "assigned":
      if (!actor) return `Assigned to ${content.assigneeName ?? "an agent"} automatically`;
      return actor === content.assigneeName
        ? `${actor} assigned this to themselves`
        : `${actor} assigned this to ${content.assigneeName ?? "an agent"}`;
    case "unassigned":
      return actor ? `${actor} unassigned ${content.assigneeName ?? "the agent"}` : "Unassigned";
    case "resolved":
      return actor ? `Resolved by ${actor}` : "Resolved";
    case "reopened":
      return content.reason === "customer_wrote"
        ? "Reopened: the customer wrote"
        : `Reopened by ${actor ?? "an agent"}`;
    case "snoozed":
      return `Snoozed by ${actor ?? "an agent"} until ${content.until ? formatUntil(content.until) : "later"}`;
    case "woke":
      return "Woke up from snooze";
    case "survey_answered":
      return content.score && isSurveyScore(content.score) ? ratedText(content.score) : "Survey answered";
    case "handed_over":
      return handoverText(content);
  }
}

function handoverText(content: TSystemContent): string {
  const bot = content.botName ?? "The bot";
  switch (content.handover) {
    case "customer_asked":
      return `The customer asked for a person: ${bot} handed this to the team`;
    case "bot_silent":
      return `${bot} did not answer in time: handed to the team`;
    case "bot_revoked":
      return `${bot} was revoked: handed to the team`;
    default:
      return `${bot} handed this to the team`;
  }
}
