// Satisfaction surveys in the intake's statement (inbound-statement.ts; issue 19). A survey's
// answer does not reopen a resolved conversation (a free-text message does), nor make the
// customer "waiting"; what it scores is recorded by a second step (record-survey-answers.ts),
// only for the rare batches that hold one. The same rules as lib/surveys/rules.ts
// (looksLikeSurveyAnswer, surveyAnswerOf), in SQL; tests hold the two together.

/** Cheap: a tap on a survey's quick reply, or a short text that is a lone digit 1–5 (`m`: a message_in row). */
const looksLikeAnswer = (m: string) => `(
        (${m}.kind = 'QUICK_REPLY_ANSWER' AND (${m}.content::jsonb ->> 'postbackData') LIKE 'survey:%')
        OR (${m}.kind = 'TEXT' AND length(${m}.content) < 64 AND (${m}.content::jsonb ->> 'text') ~ '^\\s*[1-5]\\s*$'))`;

/**
 * `m` answers a survey of conversation `v` (as it was before this batch): a survey's tap always
 * does (even a second tap, which changes nothing); a lone digit only as the customer's next
 * message after the newest survey, while that one is unanswered.
 */
const answers = (m: string, v: string) => `(
        (${m}.kind = 'QUICK_REPLY_ANSWER' AND (${m}.content::jsonb ->> 'postbackData') LIKE 'survey:%')
        OR (${m}.kind = 'TEXT' AND EXISTS (
          SELECT 1 FROM (SELECT s."answeredAt", s."messageId" FROM "Survey" s WHERE s."conversationId" = ${v}."id"
            ORDER BY s."sentAt" DESC LIMIT 1) latest
          JOIN "Message" q ON q."id" = latest."messageId"
          WHERE latest."answeredAt" IS NULL AND NOT EXISTS (
            SELECT 1 FROM "Message" i WHERE i."conversationId" = ${v}."id" AND i."direction" = 'INBOUND'
              AND i."seq" > q."seq"))))`;

/**
 * The CTE `survey_held`: the conversations whose messages in this batch all answer a survey.
 * They keep their status, snooze and waiting time. Customers none of whose messages look like
 * an answer (nearly all) are dropped by the aggregate before any table is read.
 */
export const SURVEY_HELD_CTE = `survey_held AS (
      SELECT v."id" FROM (
        SELECT m.account_id, m.igsid FROM message_in m GROUP BY m.account_id, m.igsid
        HAVING bool_and(${looksLikeAnswer("m")})
      ) a
      JOIN "Contact" ct ON ct."accountId" = a.account_id AND ct."igsid" = a.igsid
      JOIN "Conversation" v ON v."accountId" = ct."accountId" AND v."contactId" = ct."id"
      WHERE NOT EXISTS (SELECT 1 FROM message_in m WHERE m.account_id = a.account_id AND m.igsid = a.igsid
        AND NOT ${answers("m", "v")})
    )`;

/** In the conversation upsert: `keep` for a conversation held by a survey answer, else `otherwise`. */
export function unlessSurveyAnswer(keep: string, otherwise: string): string {
  return `CASE WHEN "Conversation"."id" IN (SELECT "id" FROM survey_held) THEN ${keep} ELSE ${otherwise} END`;
}

/**
 * The CTE `survey_comment`: the customer's first text after a survey's follow-up question
 * (within a day of their score) is stored as the survey's comment. It reopens the conversation
 * like any text: an agent should read it.
 */
export const SURVEY_COMMENT_CTE = `survey_comment AS (
      UPDATE "Survey" s SET "comment" = c.text
      FROM (SELECT DISTINCT ON (w."conversationId") w."conversationId", w."content" ->> 'text' AS text
        FROM message w WHERE w."kind" = 'TEXT' ORDER BY w."conversationId", w."seq") c
      WHERE s."conversationId" = c."conversationId" AND s."comment" IS NULL AND s."answeredAt" IS NOT NULL
        AND s."answeredAt" > $20::timestamp(3) - interval '24 hours'
        AND EXISTS (SELECT 1 FROM "Message" f WHERE f."conversationId" = s."conversationId"
          AND f."sentAt" >= s."answeredAt" AND f."direction" = 'OUTBOUND'
          AND f."content" -> 'survey' ->> 'id' = s."id" AND f."content" -> 'survey' ->> 'step' = 'follow-up')
    )`;
