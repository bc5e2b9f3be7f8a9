import { z } from "zod";
import { INSTAGRAM_LIMITS as L, charCount } from "../cm/limits";
import type { TOutboundContentInput } from "../messages/compose-schemas";

// The satisfaction survey (issue 19) as the customer sees it: a question with five Instagram
// quick replies, then, once they answered, an optional follow-up question. Shared by the server
// (which sends them and reads the answers) and the browser (which shows them in the thread).
// Limits from the channel spec, "Quick reply": at most 13 quick replies, a label of at most 20
// characters, postback data of at most 1000; quick replies show only in the Instagram app, so
// the question also asks for a typed number.

export const SURVEY_SCORES = [1, 2, 3, 4, 5] as const;
export type TSurveyScore = (typeof SURVEY_SCORES)[number];

/** A face per score: the buttons read "😞 1" … "😍 5" (5 characters, far under 20). */
export const SURVEY_FACES: Record<TSurveyScore, string> = { 1: "😞", 2: "🙁", 3: "😐", 4: "🙂", 5: "😍" };

export const DEFAULT_SURVEY_TEXT = "How did we do? Tap a face below, or reply with a number from 1 to 5 (5 is best).";
export const DEFAULT_SURVEY_FOLLOW_UP_TEXT = "Thanks! Anything to add?";

/** What the thread's automatic messages are signed with. */
export const SURVEY_AUTHOR = "Survey";

export function isSurveyScore(value: number): value is TSurveyScore {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

export function surveyLabel(score: TSurveyScore): string {
  return `${SURVEY_FACES[score]} ${score}`;
}

/** A survey's ids are ours (a UUID or a cuid): letters, digits, "-" and "_". */
const SURVEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const POSTBACK = /^survey:([A-Za-z0-9_-]{1,64}):([1-5])$/;

/** "survey:<surveyId>:<score>": at most 80 characters, far under the spec's 1000. */
export function surveyPostback(surveyId: string, score: TSurveyScore): string {
  if (!SURVEY_ID.test(surveyId)) throw new Error("a survey id is letters, digits, - and _");
  return `survey:${surveyId}:${score}`;
}

/** A postback that marks a survey's answer, whichever survey it is; null: any other postback. */
export function parseSurveyPostback(data: string): { surveyId: string; score: TSurveyScore } | null {
  const match = POSTBACK.exec(data);
  if (!match?.[1] || !match[2]) return null;
  return { surveyId: match[1], score: Number(match[2]) as TSurveyScore };
}

/** Any postback of a survey, well formed or not: such a tap never reopens a conversation. */
export function isSurveyPostback(data: string): boolean {
  return data.startsWith("survey:");
}

/** A message typed as a lone digit 1–5 ("5", " 4 "), the survey's answer for web users. */
export function loneDigitScore(text: string): TSurveyScore | null {
  const match = /^\s*([1-5])\s*$/.exec(text);
  return match?.[1] ? (Number(match[1]) as TSurveyScore) : null;
}

/** Marks our survey messages in their stored content (the outbox ignores the key). */
export const ZSurveyMarker = z.object({ id: z.string(), step: z.enum(["question", "follow-up"]) });
export type TSurveyMarker = z.infer<typeof ZSurveyMarker>;

export type TSurveyContent = Extract<TOutboundContentInput, { kind: "text" }> & { survey: TSurveyMarker };

/** The question with its five quick replies. */
export function surveyQuestionContent(surveyId: string, text: string): TSurveyContent {
  return {
    kind: "text",
    text,
    quickReplies: SURVEY_SCORES.map((score) => ({
      label: surveyLabel(score),
      postbackData: surveyPostback(surveyId, score),
    })),
    survey: { id: surveyId, step: "question" },
  };
}

export function surveyFollowUpContent(surveyId: string, text: string): TSurveyContent {
  return { kind: "text", text, survey: { id: surveyId, step: "follow-up" } };
}

/** The survey marker of a message's content, if it is one of ours. */
export function surveyMarkerOf(content: unknown): TSurveyMarker | null {
  if (!content || typeof content !== "object") return null;
  const parsed = ZSurveyMarker.safeParse((content as { survey?: unknown }).survey);
  return parsed.success ? parsed.data : null;
}

/** The account's question, or the default when it has none. */
export function surveyTextOf(account: { surveyText: string | null }): string {
  return account.surveyText?.trim() || DEFAULT_SURVEY_TEXT;
}

/** The account's follow-up: null in the settings means the default, "" means none is asked. */
export function followUpTextOf(account: { surveyFollowUpText: string | null }): string | null {
  if (account.surveyFollowUpText === null) return DEFAULT_SURVEY_FOLLOW_UP_TEXT;
  return account.surveyFollowUpText.trim() || null;
}

/** A question or follow-up fits one Instagram message (the spec: at most 1000 characters). */
export function surveyTextFits(text: string): boolean {
  return charCount(text) <= L.textMaxChars;
}

/** "Rated 5/5 😍": how the thread and the contact panel show a score. */
export function ratedText(score: TSurveyScore): string {
  return `Rated ${score}/5 ${SURVEY_FACES[score]}`;
}
