import { Prisma, type PrismaClient } from "../../db/generated/client";
import { HUMAN_AGENT_TAG_MS, MESSAGING_WINDOW_MS } from "../../channel/rules";
import { BOARD_HORIZON_MS, groupReplyWindows } from "../../windows/group-reply-windows";
import type { TReplyWindowRow, TReplyWindows } from "../../windows/schemas";
import { countLostWindows } from "./count-lost-windows";

/** At most this many rows per part of the board (the window's last 4 hours; the tag's zone). */
export const BOARD_LIMIT = 200;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const EXCERPT_CHARS = 120;

interface TRow {
  id: string;
  accountId: string;
  accountName: string;
  humanAgentTag: boolean;
  igsid: string;
  name: string | null;
  username: string | null;
  ownerId: string | null;
  ownerName: string | null;
  lastInboundAt: Date;
  handoverUntil: Date | null;
  waitingSince: Date;
  lastMessagePreview: string;
}

/**
 * The reply-window board: every conversation whose customer waits for an answer (waitingSince:
 * their oldest message no agent answered yet) and whose 24-hour window closes within the next
 * 4 hours; on accounts that use the human agent tag, also those between 24 hours and 7 days
 * (spec: a person may still answer, with the tag); handed-over ones apart. A resolved
 * conversation is not waited on. Per-account access as the inbox: `accountIds` from
 * accessibleAccountIds. Each part is one range on lastInboundAt, limited.
 */
export async function listReplyWindows(
  prisma: PrismaClient,
  { accountIds, now = new Date(), limit = BOARD_LIMIT }: { accountIds: string[] | null; now?: Date; limit?: number },
): Promise<TReplyWindows> {
  const at = now.getTime();
  const windowStart = new Date(at - MESSAGING_WINDOW_MS);
  const horizonStart = new Date(at - MESSAGING_WINDOW_MS + BOARD_HORIZON_MS);
  const closing = await selectWaiting(prisma, {
    accountIds,
    range: Prisma.sql`c."lastInboundAt" > ${windowStart} AND c."lastInboundAt" <= ${horizonStart}`,
    limit,
  });
  const tagged = await selectWaiting(prisma, {
    accountIds,
    range: Prisma.sql`a."humanAgentTag" AND c."lastInboundAt" > ${new Date(at - HUMAN_AGENT_TAG_MS)} AND c."lastInboundAt" <= ${windowStart}`,
    limit,
  });
  const rows = [...closing.slice(0, limit), ...tagged.slice(0, limit)].map(toRow);
  return {
    now: now.toISOString(),
    groups: groupReplyWindows(rows, now),
    truncated: closing.length > limit || tagged.length > limit,
    refreshAt: await nextEntry(prisma, { accountIds, after: horizonStart }),
    lostLastWeek: await countLostWindows(prisma, { accountIds, from: new Date(at - WEEK_MS), to: now }),
  };
}

function accessSql(accountIds: string[] | null): Prisma.Sql {
  if (accountIds === null) return Prisma.sql`TRUE`;
  return accountIds.length ? Prisma.sql`c."accountId" IN (${Prisma.join(accountIds)})` : Prisma.sql`FALSE`;
}

const WAITING = Prisma.sql`c."waitingSince" IS NOT NULL AND c."status" <> CAST('RESOLVED' AS "ConversationStatus")`;

/** Waiting conversations in a range of lastInboundAt, oldest first (soonest closing), one more than `limit`. */
function selectWaiting(
  prisma: PrismaClient,
  { accountIds, range, limit }: { accountIds: string[] | null; range: Prisma.Sql; limit: number },
): Promise<TRow[]> {
  return prisma.$queryRaw<TRow[]>`
    SELECT c."id", c."accountId", a."displayName" AS "accountName", a."humanAgentTag",
      ct."igsid", ct."name", ct."username", u."id" AS "ownerId", u."name" AS "ownerName",
      c."lastInboundAt", c."handoverUntil", c."waitingSince", c."lastMessagePreview"
    FROM "Conversation" c
    JOIN "InstagramAccount" a ON a."id" = c."accountId"
    JOIN "Contact" ct ON ct."id" = c."contactId"
    LEFT JOIN "User" u ON u."id" = c."assigneeId"
    WHERE ${WAITING} AND ${accessSql(accountIds)} AND ${range}
    ORDER BY c."lastInboundAt" ASC, c."id" ASC
    LIMIT ${limit + 1}`;
}

/** When the next waiting customer's window enters the board's last 4 hours (null: none will). */
async function nextEntry(
  prisma: PrismaClient,
  { accountIds, after }: { accountIds: string[] | null; after: Date },
): Promise<string | null> {
  const [row] = await prisma.$queryRaw<{ first: Date | null }[]>`
    SELECT MIN(c."lastInboundAt") AS "first" FROM "Conversation" c
    WHERE ${WAITING} AND ${accessSql(accountIds)} AND c."lastInboundAt" > ${after}`;
  if (!row?.first) return null;
  return new Date(row.first.getTime() + MESSAGING_WINDOW_MS - BOARD_HORIZON_MS).toISOString();
}

function toRow(row: TRow): TReplyWindowRow {
  const last = row.lastInboundAt.getTime();
  const text = row.lastMessagePreview.replace(/\s+/g, " ").trim();
  return {
    conversationId: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    customer: { igsid: row.igsid, name: row.name, username: row.username },
    owner: row.ownerId && row.ownerName ? { id: row.ownerId, name: row.ownerName } : null,
    closesAt: new Date(last + MESSAGING_WINDOW_MS).toISOString(),
    tagClosesAt: row.humanAgentTag ? new Date(last + HUMAN_AGENT_TAG_MS).toISOString() : null,
    handoverUntil: row.handoverUntil?.toISOString() ?? null,
    waitingSince: row.waitingSince.toISOString(),
    lastMessage: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text,
  };
}
