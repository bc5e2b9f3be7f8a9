import { classifyCustomerMessage } from "../../cm/customer-message";
import type { TInboundMessage } from "../../cm/schemas/inbound-message";
import { looksLikeSurveyAnswer } from "../../surveys/rules";
import type { TInboundItem } from "./inbound-message";

// Which of the intake's messages get the survey's second step (issue 19): pure and cheap, asked
// of every message; nearly all answer no (lib/surveys/rules.ts, looksLikeSurveyAnswer).

export function looksLikeSurveyAnswerItem(mo: TInboundMessage): boolean {
  const classified = classifyCustomerMessage(mo);
  if (classified.kind === "quick_reply")
    return looksLikeSurveyAnswer({ kind: "QUICK_REPLY_ANSWER", content: classified });
  if (classified.kind === "text") return looksLikeSurveyAnswer({ kind: "TEXT", content: classified });
  return false;
}

/** The dedupe keys (unique per stored message) of the items that may answer a survey. */
export function surveyAnswerKeys(items: readonly TInboundItem[]): string[] {
  return items.filter((item) => looksLikeSurveyAnswerItem(item.mo)).map((item) => item.dedupeKey);
}
