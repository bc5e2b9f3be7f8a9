import { describe, expect, it } from "vitest";
import { INSTAGRAM_LIMITS as L, charCount } from "../cm/limits";
import { ZOutboundContent } from "../messages/compose-schemas";
import { csat, looksLikeSurveyAnswer, shouldSendSurvey, surveyAnswerOf, type TSurveyFacts } from "./rules";
import {
  DEFAULT_SURVEY_TEXT,
  followUpTextOf,
  loneDigitScore,
  parseSurveyPostback,
  ratedText,
  surveyMarkerOf,
  surveyPostback,
  surveyQuestionContent,
  surveyTextOf,
} from "./survey-message";

const at = (iso: string) => new Date(`2026-03-02T${iso}Z`);
const ID = "0b6f3c1e-4d7a-4e8b-9c2d-1a2b3c4d5e6f";

describe("the survey message", () => {
  it("asks with five quick replies within Instagram's limits, each marking the survey and its score", () => {
    const content = surveyQuestionContent(ID, DEFAULT_SURVEY_TEXT);
    expect(ZOutboundContent.safeParse(content).success).toBe(true);
    expect(content.quickReplies?.map((q) => q.label)).toEqual(["😞 1", "🙁 2", "😐 3", "🙂 4", "😍 5"]);
    for (const q of content.quickReplies ?? []) {
      expect(charCount(q.label)).toBeLessThanOrEqual(L.suggestionLabelMaxChars);
      expect(q.postbackData.length).toBeLessThanOrEqual(L.postbackDataMaxChars);
    }
    expect(content.quickReplies?.[4]?.postbackData).toBe(`survey:${ID}:5`);
    expect(surveyMarkerOf(content)).toEqual({ id: ID, step: "question" });
    expect(surveyMarkerOf({ kind: "text", text: "hi" })).toBeNull();
  });

  it("says how to answer without buttons, and falls back to the defaults", () => {
    expect(DEFAULT_SURVEY_TEXT).toContain("or reply with a number from 1 to 5");
    expect(surveyTextOf({ surveyText: null })).toBe(DEFAULT_SURVEY_TEXT);
    expect(surveyTextOf({ surveyText: "  " })).toBe(DEFAULT_SURVEY_TEXT);
    expect(surveyTextOf({ surveyText: "Rate us 1-5" })).toBe("Rate us 1-5");
    expect(followUpTextOf({ surveyFollowUpText: null })).toContain("Anything to add?");
    expect(followUpTextOf({ surveyFollowUpText: "" })).toBeNull();
    expect(followUpTextOf({ surveyFollowUpText: "Tell us more" })).toBe("Tell us more");
  });

  it("reads back its postbacks and nothing else", () => {
    expect(parseSurveyPostback(surveyPostback(ID, 3))).toEqual({ surveyId: ID, score: 3 });
    expect(parseSurveyPostback("survey:abc:6")).toBeNull();
    expect(parseSurveyPostback("survey:abc:5:extra")).toBeNull();
    expect(parseSurveyPostback("HUMAN_AGENT")).toBeNull();
    expect(() => surveyPostback("a b", 1)).toThrow();
  });

  it("takes a lone digit 1 to 5 as a score, and nothing longer", () => {
    expect(loneDigitScore("5")).toBe(5);
    expect(loneDigitScore(" 1 \n")).toBe(1);
    expect(loneDigitScore("0")).toBeNull();
    expect(loneDigitScore("6")).toBeNull();
    expect(loneDigitScore("5 stars")).toBeNull();
    expect(loneDigitScore("45")).toBeNull();
    expect(ratedText(5)).toBe("Rated 5/5 😍");
  });
});

describe("answers", () => {
  const tap = (postbackData: string) => ({ kind: "QUICK_REPLY_ANSWER", content: { label: "😍 5", postbackData } });
  const typed = (text: string) => ({ kind: "TEXT", content: { text } });
  const latest = { id: ID, answered: false, customerWroteSince: false };

  it("a survey's quick reply is its answer, whatever came before", () => {
    expect(surveyAnswerOf(tap(`survey:${ID}:5`), null)).toEqual({ surveyId: ID, score: 5, via: "quick_reply" });
    expect(surveyAnswerOf(tap("HUMAN_AGENT"), latest)).toBeNull();
    expect(looksLikeSurveyAnswer(tap(`survey:${ID}:5`))).toBe(true);
    expect(looksLikeSurveyAnswer(tap("SIZE_42"))).toBe(false);
  });

  it("a lone digit answers only the newest survey, unanswered, as the customer's next message", () => {
    expect(surveyAnswerOf(typed("4"), latest)).toEqual({ surveyId: ID, score: 4, via: "digit" });
    expect(surveyAnswerOf(typed("4"), null)).toBeNull();
    expect(surveyAnswerOf(typed("4"), { ...latest, answered: true })).toBeNull();
    expect(surveyAnswerOf(typed("4"), { ...latest, customerWroteSince: true })).toBeNull();
    expect(surveyAnswerOf(typed("4 please"), latest)).toBeNull();
    expect(looksLikeSurveyAnswer(typed("4"))).toBe(true);
    expect(looksLikeSurveyAnswer(typed("Where is my order?"))).toBe(false);
    expect(looksLikeSurveyAnswer({ kind: "TEXT", content: null })).toBe(false);
  });

  it("CSAT is the share of 4 and 5", () => {
    expect(csat([5, 4, 3, 1])).toBe(0.5);
    expect(csat([])).toBeNull();
  });
});

describe("shouldSendSurvey, on a fixed timeline", () => {
  // The customer wrote at 10:00 (the opening), the agent resolves at 10:30.
  const facts: TSurveyFacts = {
    account: { surveyEnabled: true, surveyCooldownDays: 7 },
    conversation: { lastInboundAt: at("10:00:00"), handoverUntil: null },
    customerWroteAt: at("10:00:00"),
    lastSurveySentAt: null,
    lastAnsweredAt: null,
  };
  const now = at("10:30:00");

  it("sends when everything allows", () => {
    expect(shouldSendSurvey(facts, now)).toEqual({ send: true });
  });

  it("is off by default for the account", () => {
    expect(shouldSendSurvey({ ...facts, account: { ...facts.account, surveyEnabled: false } }, now)).toEqual({
      send: false,
      reason: "disabled",
    });
  });

  it("never when the 24-hour window closed (a second after its end)", () => {
    expect(shouldSendSurvey(facts, new Date(at("10:00:00").getTime() + 24 * 3600_000 - 1000))).toEqual({ send: true });
    expect(shouldSendSurvey(facts, new Date(at("10:00:00").getTime() + 24 * 3600_000))).toMatchObject({
      reason: "window_closed",
    });
    expect(
      shouldSendSurvey({ ...facts, conversation: { lastInboundAt: null, handoverUntil: null } }, now),
    ).toMatchObject({ reason: "window_closed" });
  });

  it("never while handed over to the Instagram inbox, again once the handover ended", () => {
    const handed = { ...facts, conversation: { ...facts.conversation, handoverUntil: at("11:00:00") } };
    expect(shouldSendSurvey(handed, now)).toMatchObject({ reason: "handed_over" });
    expect(shouldSendSurvey(handed, at("11:00:00"))).toEqual({ send: true });
  });

  it("once per resolution: not again until the customer opens the conversation again", () => {
    const sent = { ...facts, lastSurveySentAt: at("10:30:00") };
    expect(shouldSendSurvey(sent, at("10:45:00"))).toMatchObject({ reason: "already_sent" });
    // The customer wrote again at 11:00; resolved at 11:10.
    const reopened = {
      ...sent,
      customerWroteAt: at("11:00:00"),
      conversation: { ...facts.conversation, lastInboundAt: at("11:00:00") },
    };
    expect(shouldSendSurvey(reopened, at("11:10:00"))).toEqual({ send: true });
  });

  it("not to a customer who answered one within the cooldown (7 days by default, configurable)", () => {
    const answered = { ...facts, lastAnsweredAt: new Date(now.getTime() - 6 * 24 * 3600_000) };
    expect(shouldSendSurvey(answered, now)).toMatchObject({ reason: "cooldown" });
    const longAgo = { ...facts, lastAnsweredAt: new Date(now.getTime() - 7 * 24 * 3600_000) };
    expect(shouldSendSurvey(longAgo, now)).toEqual({ send: true });
    const noCooldown = { ...answered, account: { surveyEnabled: true, surveyCooldownDays: 0 } };
    expect(shouldSendSurvey(noCooldown, now)).toEqual({ send: true });
  });
});
