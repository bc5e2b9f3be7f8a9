import { randomUUID } from "node:crypto";
import type { TFoldedCustomer } from "./fold-customers";
import type { TInboundRowInput } from "./inbound-message";
import { SURVEY_COMMENT_CTE, SURVEY_HELD_CTE, unlessSurveyAnswer } from "./survey-answers-sql";

// The statement that stores customers' messages, however many, in ONE round trip (the hot path
// of intake): each customer's contact and conversation are created on first contact or moved
// along (`INSERT … ON CONFLICT … DO UPDATE`, safe when a customer's first messages arrive
// together on several instances), the messages are inserted, and a MessageDelete that overtook
// its message is applied. Webhooks arrive out of order, so the result is the same in any order:
// the list's time and preview follow the newest message, the reply window's start
// (lastInboundAt) only moves later. Its two forms share every CTE but the first ones and the
// last SELECT; the SQL text is long on purpose (one statement, planned once per connection).
//
// Parameters: $1–$11 and $23 one entry per customer (foldCustomers), $12–$19 and $22 one per
// message, $20 now, $21 the stored webhooks marked DONE; the inline form adds $24–$30, the
// webhook itself.

/** The webhook a message came in, for the statement to store it too (the inline form). */
export interface TStoreInline {
  accountId: string;
  /** The secret of the URL it was posted to, checked again by the statement (rotated meanwhile?). */
  secret: string;
  orderKey: string;
  dedupeKey: string;
  cmReference: string | null;
  payload: string;
}

/** The input rows; `gate` holds them back unless the inline form's webhook is to be applied. */
const input = (gate: string) => `customer AS (
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
        $8::text[], $9::text[], $10::text[], $11::timestamptz[], $23::timestamptz[])
        AS t(contact_id, account_id, igsid, name, username, conversation_id, newest_at, newest_mid, preview,
          deleted_preview, handover_until, oldest_at)
      ${gate}
    ), message_in AS (
      SELECT * FROM unnest($12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[],
        $19::timestamptz[], $22::text[]) WITH ORDINALITY
        AS t(id, account_id, igsid, kind, content, dedupe_key, mid, sent_at, search_text, arrival)
      ${gate}
    ), `;

const APPLY = `early_delete AS (
      SELECT DISTINCT ON (w."accountId", w."cmReference") w."id", w."accountId", w."cmReference", w."receivedAt"
      FROM "WebhookEvent" w JOIN message_in m ON m.account_id = w."accountId" AND m.mid = w."cmReference"
      WHERE w."kind" = 'EVENT' AND w."state" = 'WAITING'
      ORDER BY w."accountId", w."cmReference", w."seq"
    ), contact AS (
      INSERT INTO "Contact" ("id", "accountId", "igsid", "name", "username", "createdAt", "updatedAt")
      SELECT contact_id, account_id, igsid, name, username, $20::timestamp(3), $20::timestamp(3) FROM customer
      ON CONFLICT ("accountId", "igsid") DO UPDATE SET
        "name" = COALESCE(EXCLUDED."name", "Contact"."name"),
        "username" = COALESCE(EXCLUDED."username", "Contact"."username"),
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "id", "accountId", "igsid", "name", "username"
    ), prior AS (
      -- The conversations as they were before this statement (the upsert below cannot tell).
      SELECT v."id", v."status", v."openedAt" FROM customer cu
      JOIN "Contact" ct ON ct."accountId" = cu.account_id AND ct."igsid" = cu.igsid
      JOIN "Conversation" v ON v."accountId" = ct."accountId" AND v."contactId" = ct."id"
    ), ${SURVEY_HELD_CTE}, reopening AS (
      -- A snoozed or resolved conversation opens again when the customer writes, unless what
      -- they sent is a survey's answer (lib/surveys).
      SELECT "id" FROM prior WHERE "status" <> 'OPEN' AND "id" NOT IN (SELECT "id" FROM survey_held)
    ), conversation AS (
      INSERT INTO "Conversation" ("id", "accountId", "contactId", "lastMessageAt", "lastMessagePreview",
        "lastInboundAt", "handoverUntil", "createdAt", "updatedAt", "waitingSince", "openedAt")
      SELECT cu.conversation_id, cu.account_id, ct."id", cu.newest_at AT TIME ZONE 'UTC',
        CASE WHEN EXISTS (SELECT 1 FROM early_delete d WHERE d."accountId" = cu.account_id AND d."cmReference" = cu.newest_mid)
          THEN cu.deleted_preview ELSE cu.preview END,
        cu.newest_at AT TIME ZONE 'UTC', cu.handover_until AT TIME ZONE 'UTC', $20::timestamp(3), $20::timestamp(3),
        cu.oldest_at AT TIME ZONE 'UTC', cu.oldest_at AT TIME ZONE 'UTC'
      FROM customer cu JOIN contact ct ON ct."accountId" = cu.account_id AND ct."igsid" = cu.igsid
      ON CONFLICT ("accountId", "contactId") DO UPDATE SET
        -- An opening (lib/reports/measures.ts): the first message ever, or one to a snoozed or
        -- resolved conversation, starts it; its first response is still to come. A survey's
        -- answer starts nothing.
        "openedAt" = ${unlessSurveyAnswer(
          `"Conversation"."openedAt"`,
          `CASE WHEN "Conversation"."status" <> 'OPEN' OR "Conversation"."openedAt" IS NULL
          THEN EXCLUDED."openedAt" ELSE "Conversation"."openedAt" END`,
        )},
        "firstResponseAt" = ${unlessSurveyAnswer(
          `"Conversation"."firstResponseAt"`,
          `CASE WHEN "Conversation"."status" <> 'OPEN' OR "Conversation"."openedAt" IS NULL
          THEN NULL ELSE "Conversation"."firstResponseAt" END`,
        )},
        "lastMessagePreview" = CASE WHEN EXCLUDED."lastMessageAt" >= "Conversation"."lastMessageAt"
          THEN EXCLUDED."lastMessagePreview" ELSE "Conversation"."lastMessagePreview" END,
        "lastMessageAt" = GREATEST("Conversation"."lastMessageAt", EXCLUDED."lastMessageAt"),
        "lastInboundAt" = GREATEST("Conversation"."lastInboundAt", EXCLUDED."lastInboundAt"),
        "handoverUntil" = COALESCE(EXCLUDED."handoverUntil", "Conversation"."handoverUntil"),
        "status" = ${unlessSurveyAnswer(`"Conversation"."status"`, `'OPEN'`)},
        "snoozedUntil" = ${unlessSurveyAnswer(`"Conversation"."snoozedUntil"`, "NULL")},
        "waitingSince" = ${unlessSurveyAnswer(`"Conversation"."waitingSince"`, `COALESCE("Conversation"."waitingSince", EXCLUDED."waitingSince")`)},
        "updatedAt" = EXCLUDED."updatedAt"
      -- xmax is 0 on a row this statement inserted: a conversation created now, even when
      -- another instance's first message for the same customer raced this one.
      RETURNING *, ("xmax" = 0) AS "inserted"
    ), conversation_labels AS (
      -- The labels agents put on these conversations, for the list's rows in the live event
      -- and, as ids, for the report facts below (read once for both).
      SELECT cl."conversationId", json_agg(json_build_object('label',
        json_build_object('id', l."id", 'name', l."name", 'color', l."color"))) AS "labels",
        array_agg(cl."labelId" ORDER BY cl."labelId") AS "labelIds"
      FROM "ConversationLabel" cl JOIN "Label" l ON l."id" = cl."labelId"
      WHERE cl."conversationId" IN (SELECT "id" FROM conversation)
      GROUP BY cl."conversationId"
    ), message AS (
      INSERT INTO "Message" ("id", "conversationId", "direction", "kind", "content", "status", "dedupeKey",
        "externalId", "deletedAt", "sentAt", "createdAt", "updatedAt", "searchText")
      SELECT m.id, v."id", 'INBOUND', m.kind::"MessageKind", m.content::jsonb, 'RECEIVED', m.dedupe_key, m.mid,
        d."receivedAt", m.sent_at AT TIME ZONE 'UTC', $20::timestamp(3), $20::timestamp(3), m.search_text
      FROM message_in m
      JOIN contact ct ON ct."accountId" = m.account_id AND ct."igsid" = m.igsid
      JOIN conversation v ON v."contactId" = ct."id"
      LEFT JOIN early_delete d ON d."accountId" = m.account_id AND d."cmReference" = m.mid
      -- seq (the thread's order) is drawn row by row in this order: the order they arrived.
      ORDER BY m.arrival
      RETURNING *
    ), reopened AS (
      INSERT INTO "Message" ("id", "conversationId", "direction", "kind", "content", "status", "sentAt",
        "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, r."id", 'INTERNAL', 'SYSTEM',
        '{"event":"reopened","actorName":null,"reason":"customer_wrote"}'::jsonb, 'RECEIVED',
        $20::timestamp(3), $20::timestamp(3), $20::timestamp(3)
      FROM reopening r
      -- After the customer's messages in the thread: the aggregate reads every inserted
      -- message (drawing their seq) before this insert draws its own.
      JOIN (SELECT "conversationId" FROM message GROUP BY "conversationId") written ON written."conversationId" = r."id"
      RETURNING *
    ), report_facts AS (
      -- What reports count (lib/reports/measures.ts: eventsForCustomerMessage), in this statement.
      INSERT INTO "ReportEvent" ("kind", "at", "accountId", "conversationId", "labelIds")
      SELECT f."kind"::"ReportEventKind", f."at", f."accountId", f."conversationId",
        COALESCE(lab."labelIds", ARRAY[]::text[])
      FROM (
        SELECT CASE WHEN v."inserted" OR p."openedAt" IS NULL THEN 'OPENED' ELSE 'REOPENED' END AS "kind",
          cu.oldest_at AT TIME ZONE 'UTC' AS "at", v."accountId", v."id" AS "conversationId", 0::bigint AS "order"
        FROM conversation v
        JOIN contact ct ON ct."id" = v."contactId"
        JOIN customer cu ON cu.account_id = ct."accountId" AND cu.igsid = ct."igsid"
        LEFT JOIN prior p ON p."id" = v."id"
        WHERE v."inserted" OR (p."id" IS NOT NULL AND (p."openedAt" IS NULL OR p."id" IN (SELECT "id" FROM reopening)))
        UNION ALL
        SELECT 'MESSAGE_IN', m."sentAt", v."accountId", v."id", m."seq" FROM message m JOIN conversation v ON v."id" = m."conversationId"
      ) f
      LEFT JOIN conversation_labels lab ON lab."conversationId" = f."conversationId"
      -- Openings first, then the messages as the thread has them (the facts' ids follow it).
      ORDER BY f."order"
    ), ${SURVEY_COMMENT_CTE}, delete_applied AS (
      UPDATE "WebhookEvent" SET "state" = 'DONE', "processedAt" = $20::timestamp(3)
      WHERE "id" IN (SELECT "id" FROM early_delete)
    ), webhooks_applied AS (
      UPDATE "WebhookEvent" SET "state" = 'DONE', "processedAt" = $20::timestamp(3), "lastError" = NULL
      WHERE "id" = ANY($21::text[])
    ), result AS (
      SELECT m."id" AS "messageId", m."conversationId", m."direction", m."kind", m."content", m."deletedAt",
        m."status", m."statusReason", m."retryable", m."attempts", m."nextAttemptAt", m."maybeDuplicate",
        m."clientId", m."sentAt", m."seq", m."updatedAt",
        v."accountId", a."displayName" AS "accountName", ct."igsid", ct."name", ct."username",
        v."lastMessageAt", v."lastMessagePreview", v."lastInboundAt", v."handoverUntil",
        v."status" AS "conversationStatus", v."snoozedUntil", v."waitingSince", v."assigneeId",
        u."name" AS "assigneeName", v."updatedAt" AS "conversationUpdatedAt", v."botTokenId", bt."name" AS "botName",
        COALESCE(lb."labels", '[]'::json) AS "labels"
      FROM (SELECT * FROM message UNION ALL SELECT * FROM reopened) m
      JOIN conversation v ON v."id" = m."conversationId"
      JOIN contact ct ON ct."id" = v."contactId"
      JOIN "InstagramAccount" a ON a."id" = v."accountId"
      LEFT JOIN "User" u ON u."id" = v."assigneeId"
      LEFT JOIN "ApiToken" bt ON bt."id" = v."botTokenId"
      LEFT JOIN conversation_labels lb ON lb."conversationId" = v."id"
    )
    `;

/** Applies the messages of stored webhooks and marks those webhooks ($21) DONE. */
export const APPLY_STORED_MESSAGES = `WITH ${input("")}${APPLY}SELECT * FROM result`;

// The inline form first stores the webhook (as store-webhook.ts does) and applies it only when
// it is new and its customer has no earlier webhook still pending (their order).
const STORE_INLINE = `account_ok AS (
      SELECT "id" FROM "InstagramAccount" WHERE "id" = $24 AND "webhookSecret" = $25
    ), ready AS (
      SELECT 1 FROM account_ok WHERE NOT EXISTS (
        SELECT 1 FROM "WebhookEvent" p WHERE p."orderKey" = $26 AND p."state" = 'PENDING')
    ), stored AS (
      INSERT INTO "WebhookEvent" ("id", "accountId", "kind", "dedupeKey", "cmReference", "payload", "orderKey",
        "receivedAt", "availableAt", "state", "processedAt")
      SELECT $27, account_ok."id", 'MESSAGE', $28, $29, $30, $26, $20::timestamp(3), $20::timestamp(3),
        CASE WHEN EXISTS (SELECT 1 FROM ready) THEN 'DONE' ELSE 'PENDING' END::"WebhookState",
        CASE WHEN EXISTS (SELECT 1 FROM ready) THEN $20::timestamp(3) END
      FROM account_ok
      ON CONFLICT ("kind", "dedupeKey") DO NOTHING
      RETURNING "state"
    ), go AS (
      SELECT 1 FROM stored WHERE "state" = 'DONE'
    ), `;

/**
 * Stores one webhook ($24–$30) and, when it may, applies its message. Always ONE row: whether
 * the account still has that secret (`known`), whether the webhook was new (`stored`), and the
 * message's row if it was applied (else its columns are null).
 */
export const STORE_AND_APPLY_MESSAGE = `WITH ${STORE_INLINE}${input("WHERE EXISTS (SELECT 1 FROM go)")}${APPLY}SELECT (SELECT count(*) FROM account_ok)::int AS "known", (SELECT count(*) FROM stored)::int AS "stored", r.*
    FROM (SELECT 1) one LEFT JOIN result r ON true`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** $1–$23: the customers and messages to store (both forms), and the stored webhooks to mark DONE. */
export function inboundValues(
  customers: readonly TFoldedCustomer<TInboundRowInput>[],
  messages: readonly TInboundRowInput[],
  now: Date,
  webhookIds: readonly string[],
): unknown[] {
  return [
    customers.map(() => randomUUID()),
    customers.map((x) => x.newest.accountId),
    customers.map((x) => x.newest.mo.from.number),
    customers.map((x) => x.name),
    customers.map((x) => x.username),
    customers.map(() => randomUUID()),
    customers.map((x) => iso(x.newest.mo.timeUtc)),
    customers.map((x) => x.newest.mo.messageId),
    customers.map((x) => x.newest.preview),
    customers.map((x) => x.newest.deletedPreview),
    customers.map((x) => iso(x.handover)),
    messages.map((m) => m.id),
    messages.map((m) => m.accountId),
    messages.map((m) => m.mo.from.number),
    messages.map((m) => m.kind),
    messages.map((m) => m.content),
    messages.map((m) => m.dedupeKey),
    messages.map((m) => m.mo.messageId),
    messages.map((m) => iso(m.mo.timeUtc)),
    now.toISOString(),
    webhookIds,
    messages.map((m) => m.searchText),
    customers.map((x) => iso(x.oldest)),
  ];
}

/** $24–$30: the webhook itself, stored by the inline form. */
export function inlineWebhookValues(webhook: TStoreInline): unknown[] {
  return [
    webhook.accountId,
    webhook.secret,
    webhook.orderKey,
    randomUUID(),
    webhook.dedupeKey,
    webhook.cmReference,
    webhook.payload,
  ];
}
