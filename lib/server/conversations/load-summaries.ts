import type { PrismaClient } from "../../db/generated/client";
import type { TConversationSummary } from "../../conversations/summary";
import type { TSlaTarget } from "../../sla/schemas";
import { toConversationSummary } from "./to-summary";

type TSummaryRow = {
  id: string;
  accountId: string;
  accountName: string;
  lastMessageAt: Date | string;
  lastMessagePreview: string;
  lastInboundAt: Date | string | null;
  handoverUntil: Date | string | null;
  status: TConversationSummary["status"];
  snoozedUntil: Date | string | null;
  waitingSince: Date | string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  botId: string | null;
  botName: string | null;
  updatedAt: Date | string;
  slaDueAt: Date | string | null;
  slaTarget: TSlaTarget | null;
  slaAtRiskAt: Date | string | null;
  contactId: string;
  igsid: string;
  contactName: string | null;
  username: string | null;
  labels: { id: string; name: string; color: string }[] | string;
  unread: number;
};

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const maybeDate = (value: Date | string | null) => (value === null ? null : date(value));

/**
 * The list's rows for these conversations, with this agent's unread counts, in one statement:
 * the conversation, its account's name, its contact, its assignee and its labels joined, and
 * each unread count one range of "Message_unread_idx" (see countUnread). Reading them through
 * Prisma's include took six statements (one per relation), each with the client's own cost,
 * which at a page of 50 was most of the list's time. Returned in the order of `ids`; ids that
 * do not exist (any more) are left out.
 */
export async function loadSummaries(
  prisma: PrismaClient,
  { ids, userId, now = new Date() }: { ids: string[]; userId: string; now?: Date },
): Promise<TConversationSummary[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.$queryRaw<TSummaryRow[]>`
    SELECT c."id", c."accountId", a."displayName" AS "accountName", c."lastMessageAt", c."lastMessagePreview",
      c."lastInboundAt", c."handoverUntil", c."status"::text AS "status", c."snoozedUntil", c."waitingSince",
      u."id" AS "assigneeId", u."name" AS "assigneeName", bt."id" AS "botId", bt."name" AS "botName", c."updatedAt", c."slaDueAt", c."slaTarget"::text AS "slaTarget",
      c."slaAtRiskAt", ct."id" AS "contactId", ct."igsid", ct."name" AS "contactName", ct."username",
      COALESCE((SELECT json_agg(json_build_object('id', l."id", 'name', l."name", 'color', l."color"))
        FROM "ConversationLabel" cl JOIN "Label" l ON l."id" = cl."labelId" WHERE cl."conversationId" = c."id"), '[]') AS "labels",
      (SELECT COUNT(*)::int FROM "Message" m
        WHERE m."conversationId" = c."id" AND m."direction" = 'INBOUND' AND m."deletedAt" IS NULL
          AND m."createdAt" > COALESCE(r."lastReadAt", '-infinity'::timestamp)) AS "unread"
    FROM "Conversation" c
    JOIN "InstagramAccount" a ON a."id" = c."accountId"
    JOIN "Contact" ct ON ct."id" = c."contactId"
    LEFT JOIN "User" u ON u."id" = c."assigneeId"
    LEFT JOIN "ApiToken" bt ON bt."id" = c."botTokenId"
    LEFT JOIN "ConversationRead" r ON r."conversationId" = c."id" AND r."userId" = ${userId}
    WHERE c."id" = ANY(${ids}::text[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const labels =
      typeof row.labels === "string"
        ? (JSON.parse(row.labels) as { id: string; name: string; color: string }[])
        : row.labels;
    return [
      toConversationSummary(
        {
          id: row.id,
          accountId: row.accountId,
          lastMessageAt: date(row.lastMessageAt),
          lastMessagePreview: row.lastMessagePreview,
          lastInboundAt: maybeDate(row.lastInboundAt),
          handoverUntil: maybeDate(row.handoverUntil),
          status: row.status,
          snoozedUntil: maybeDate(row.snoozedUntil),
          waitingSince: maybeDate(row.waitingSince),
          assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
          botToken: row.botId ? { id: row.botId, name: row.botName ?? "" } : null,
          updatedAt: date(row.updatedAt),
          slaDueAt: maybeDate(row.slaDueAt),
          slaTarget: row.slaTarget,
          slaAtRiskAt: maybeDate(row.slaAtRiskAt),
          account: { displayName: row.accountName },
          contact: { id: row.contactId, igsid: row.igsid, name: row.contactName, username: row.username },
          labels: labels.map((label) => ({ label })),
        },
        Number(row.unread),
        now,
      ),
    ];
  });
}
