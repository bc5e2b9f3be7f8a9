import { randomUUID } from "node:crypto";
import { handoverUntilAfter } from "../../channel/rules";
import { classifyCustomerMessage } from "../../cm/customer-message";
import type { TInboundMessage } from "../../cm/schemas/inbound-message";
import { previewOf, type TMessageKind } from "../../messages/schemas";
import { searchTextOf } from "../../messages/search-text";
import type { TConversationStatus } from "../../conversations/summary";
import { toConversationSummary, type TConversationRow } from "../../server/conversations/to-summary";
import { toMessageView, type TMessageRow } from "../../server/messages/to-message-view";
import type { TEffects } from "../../effects/inbox-effects";

const KIND = {
  text: "TEXT",
  image: "IMAGE",
  audio: "AUDIO",
  video: "VIDEO",
  share: "SHARE",
  file: "FILE",
  quick_reply: "QUICK_REPLY_ANSWER",
  story_reply: "STORY_REPLY",
  unsupported: "UNSUPPORTED",
} as const satisfies Record<string, TMessageKind>;

/** Runs one SQL statement with positional parameters: inside Prisma's transaction or the driver's. */
export type TQuery = <T>(text: string, values: unknown[]) => Promise<T[]>;

export interface TInboundItem {
  accountId: string;
  mo: TInboundMessage;
  dedupeKey: string;
  /** Characters that could not be stored were replaced: the thread says so. */
  replaced?: boolean;
}

interface TRow extends Omit<TMessageRow, "author" | "id" | "content"> {
  messageId: string;
  content: unknown;
  accountId: string;
  accountName: string;
  igsid: string;
  name: string | null;
  username: string | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  lastInboundAt: Date | null;
  handoverUntil: Date | null;
  conversationStatus: TConversationStatus;
  snoozedUntil: Date | null;
  waitingSince: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  conversationUpdatedAt: Date;
  labels: TConversationRow["labels"];
}

/**
 * Stores customers' messages in ONE statement, however many (the hot path of intake): each
 * customer's contact and conversation are created on first contact or moved along (`INSERT …
 * ON CONFLICT … DO UPDATE`, safe when a customer's first messages arrive together on several
 * instances), the messages are inserted, and a MessageDelete that overtook its message is
 * applied. Webhooks arrive out of order, so the result is the same in any order: the list's
 * time and preview follow the newest message, the reply window's start (lastInboundAt) only
 * moves later. A customer appears once per batch in the upserts (PostgreSQL refuses to update
 * a row twice in one statement): their messages are folded here first.
 */
export async function applyInboundMessages(
  query: TQuery,
  items: TInboundItem[],
  now: Date,
  effects: TEffects,
  /**
   * The stored webhooks these messages came from, marked DONE by the same statement; or the
   * webhook itself, to be stored by the same statement (see storeAndApplyMessage).
   */
  source: string[] | TStoreInline = [],
): Promise<TApplied> {
  if (items.length === 0) return { known: true, stored: 0, applied: false };
  const inline = Array.isArray(source) ? null : source;
  const messages = items.map(({ accountId, mo, dedupeKey, replaced }) => {
    const classified = classifyCustomerMessage(mo);
    const { kind: _kind, ...classifiedContent } = classified;
    const content = replaced ? { ...classifiedContent, replacedCharacters: true } : classifiedContent;
    const kind = KIND[classified.kind];
    return {
      id: randomUUID(),
      customer: `${accountId}:${mo.from.number}`,
      accountId,
      mo,
      kind,
      content: JSON.stringify(content),
      preview: previewOf(kind, content).slice(0, 200),
      searchText: searchTextOf(kind, content),
      deletedPreview: previewOf(kind, null),
      // The customer asked for a human in the Instagram inbox: CM hands the chat over for 24 h.
      handoverUntil: classified.kind === "quick_reply" ? handoverUntilAfter(classified.postbackData, mo.timeUtc) : null,
      dedupeKey,
    };
  });
  type TMessage = (typeof messages)[number];
  const customers = new Map<
    string,
    { newest: TMessage; oldest: Date; name: string | null; username: string | null; handover: Date | null }
  >();
  for (const m of messages) {
    const seen = customers.get(m.customer);
    // Later in the batch = arrived later: its name wins, and it is the newest on a tie.
    customers.set(m.customer, {
      newest: !seen || m.mo.timeUtc >= seen.newest.mo.timeUtc ? m : seen.newest,
      // The customer waits for an answer from their oldest unanswered message on.
      oldest: !seen || m.mo.timeUtc < seen.oldest ? m.mo.timeUtc : seen.oldest,
      name: m.mo.from.name || seen?.name || null,
      username: m.mo.username || seen?.username || null,
      handover:
        m.handoverUntil && (!seen?.handover || m.handoverUntil > seen.handover)
          ? m.handoverUntil
          : (seen?.handover ?? null),
    });
  }
  const c = [...customers.values()];
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  // Inline, the statement first stores the webhook (as store-webhook.ts does) and applies it
  // only when it is new and its customer has no earlier webhook still pending (their order).
  const head = inline
    ? `account_ok AS (
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
    ), `
    : "";
  const gate = inline ? "WHERE EXISTS (SELECT 1 FROM go)" : "";
  const rows = await query<TRow & { known?: number; stored?: number }>(
    `WITH ${head}customer AS (
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
    ), early_delete AS (
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
    ), reopening AS (
      -- A snoozed or resolved conversation opens again when the customer writes (seen before the upsert below).
      SELECT v."id" FROM customer cu
      JOIN "Contact" ct ON ct."accountId" = cu.account_id AND ct."igsid" = cu.igsid
      JOIN "Conversation" v ON v."accountId" = ct."accountId" AND v."contactId" = ct."id"
      WHERE v."status" <> 'OPEN'
    ), conversation AS (
      INSERT INTO "Conversation" ("id", "accountId", "contactId", "lastMessageAt", "lastMessagePreview",
        "lastInboundAt", "handoverUntil", "createdAt", "updatedAt", "waitingSince")
      SELECT cu.conversation_id, cu.account_id, ct."id", cu.newest_at AT TIME ZONE 'UTC',
        CASE WHEN EXISTS (SELECT 1 FROM early_delete d WHERE d."accountId" = cu.account_id AND d."cmReference" = cu.newest_mid)
          THEN cu.deleted_preview ELSE cu.preview END,
        cu.newest_at AT TIME ZONE 'UTC', cu.handover_until AT TIME ZONE 'UTC', $20::timestamp(3), $20::timestamp(3),
        cu.oldest_at AT TIME ZONE 'UTC'
      FROM customer cu JOIN contact ct ON ct."accountId" = cu.account_id AND ct."igsid" = cu.igsid
      ON CONFLICT ("accountId", "contactId") DO UPDATE SET
        "lastMessagePreview" = CASE WHEN EXCLUDED."lastMessageAt" >= "Conversation"."lastMessageAt"
          THEN EXCLUDED."lastMessagePreview" ELSE "Conversation"."lastMessagePreview" END,
        "lastMessageAt" = GREATEST("Conversation"."lastMessageAt", EXCLUDED."lastMessageAt"),
        "lastInboundAt" = GREATEST("Conversation"."lastInboundAt", EXCLUDED."lastInboundAt"),
        "handoverUntil" = COALESCE(EXCLUDED."handoverUntil", "Conversation"."handoverUntil"),
        "status" = 'OPEN',
        "snoozedUntil" = NULL,
        "waitingSince" = COALESCE("Conversation"."waitingSince", EXCLUDED."waitingSince"),
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING *
    ), conversation_labels AS (
      -- The labels agents put on these conversations, for the list's rows in the live event.
      SELECT cl."conversationId", json_agg(json_build_object('label',
        json_build_object('id', l."id", 'name', l."name", 'color', l."color"))) AS "labels"
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
    ), delete_applied AS (
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
        u."name" AS "assigneeName", v."updatedAt" AS "conversationUpdatedAt",
        COALESCE(lb."labels", '[]'::json) AS "labels"
      FROM (SELECT * FROM message UNION ALL SELECT * FROM reopened) m
      JOIN conversation v ON v."id" = m."conversationId"
      JOIN contact ct ON ct."id" = v."contactId"
      JOIN "InstagramAccount" a ON a."id" = v."accountId"
      LEFT JOIN "User" u ON u."id" = v."assigneeId"
      LEFT JOIN conversation_labels lb ON lb."conversationId" = v."id"
    )
    ${
      inline
        ? `SELECT (SELECT count(*) FROM account_ok)::int AS "known", (SELECT count(*) FROM stored)::int AS "stored", r.*
    FROM (SELECT 1) one LEFT JOIN result r ON true`
        : "SELECT * FROM result"
    }`,
    [
      c.map(() => randomUUID()),
      c.map((x) => x.newest.accountId),
      c.map((x) => x.newest.mo.from.number),
      c.map((x) => x.name),
      c.map((x) => x.username),
      c.map(() => randomUUID()),
      c.map((x) => iso(x.newest.mo.timeUtc)),
      c.map((x) => x.newest.mo.messageId),
      c.map((x) => x.newest.preview),
      c.map((x) => x.newest.deletedPreview),
      c.map((x) => iso(x.handover)),
      messages.map((m) => m.id),
      messages.map((m) => m.accountId),
      messages.map((m) => m.mo.from.number),
      messages.map((m) => m.kind),
      messages.map((m) => m.content),
      messages.map((m) => m.dedupeKey),
      messages.map((m) => m.mo.messageId),
      messages.map((m) => iso(m.mo.timeUtc)),
      now.toISOString(),
      inline ? [] : source,
      messages.map((m) => m.searchText),
      c.map((x) => iso(x.oldest)),
      // $24 on: the webhook itself, stored by the same statement (inline only).
      ...(inline
        ? [
            inline.accountId,
            inline.secret,
            inline.orderKey,
            randomUUID(),
            inline.dedupeKey,
            inline.cmReference,
            inline.payload,
          ]
        : []),
    ],
  );
  // Inline, one row says whether the webhook was known and new, and (if applied) carries the message.
  const flags = rows[0];
  if (inline && (!flags?.known || !flags.stored || flags.messageId === null)) {
    return { known: (flags?.known ?? 0) > 0, stored: flags?.stored ?? 0, applied: false };
  }
  // The customers' messages, then the "Reopened: the customer wrote" lines.
  const inbound = rows.filter((row) => row.direction === "INBOUND");
  const lines = rows.filter((row) => row.direction !== "INBOUND");
  if (inbound.length !== messages.length) throw new Error(`stored ${inbound.length} of ${messages.length} messages`);
  const byConversation = new Map<string, TRow>();
  for (const row of rows) byConversation.set(row.conversationId, row);
  for (const row of byConversation.values()) {
    effects.conversations.push(
      toConversationSummary({
        id: row.conversationId,
        accountId: row.accountId,
        account: { displayName: row.accountName },
        contact: { igsid: row.igsid, name: row.name, username: row.username },
        lastMessageAt: row.lastMessageAt,
        lastMessagePreview: row.lastMessagePreview,
        lastInboundAt: row.lastInboundAt,
        handoverUntil: row.handoverUntil,
        status: row.conversationStatus,
        snoozedUntil: row.snoozedUntil,
        waitingSince: row.waitingSince,
        assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
        updatedAt: row.conversationUpdatedAt,
        labels: row.labels,
      }),
    );
  }
  // In the order they arrived, as the thread shows them when they share a second.
  const order = new Map<string, number>(messages.map((m, i) => [m.id, i]));
  inbound.sort((a, b) => (order.get(a.messageId) ?? 0) - (order.get(b.messageId) ?? 0));
  for (const row of [...inbound, ...lines]) {
    effects.createdMessages.push(toMessageView({ ...row, id: row.messageId, author: null }));
  }
  return { known: true, stored: inline ? 1 : 0, applied: true };
}

/** The webhook a message came in, for the statement to store it too (inline). */
export interface TStoreInline {
  accountId: string;
  /** The secret of the URL it was posted to, checked again by the statement (rotated meanwhile?). */
  secret: string;
  orderKey: string;
  dedupeKey: string;
  cmReference: string | null;
  payload: string;
}

export interface TApplied {
  /** Inline: false when the secret no longer belongs to the account. */
  known: boolean;
  /** Inline: 1 when the webhook was new (0: a copy of a stored one). */
  stored: number;
  /** The messages were applied (inline: false when stored for the processor instead). */
  applied: boolean;
}
