import { Prisma, type PrismaClient } from "../../db/generated/client";
import { CLOSING_MS } from "../../conversations/list-membership";
import { DEFAULT_FILTERS, type TListFilters } from "../../conversations/schemas";
import type { TConversationPage } from "../../conversations/summary";
import { MESSAGING_WINDOW_MS as WINDOW_MS } from "../../channel/rules";
import { decodeCursor, encodeCursor } from "../pagination/keyset-cursor";
import { loadSummaries } from "./load-summaries";

export interface TListConversationsOptions {
  /** The agent asking: "Mine" and unread counts are theirs. */
  userId: string;
  /** The accounts they may see (null: every account, an admin). */
  accountIds: string[] | null;
  limit: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string | undefined;
  filters?: Partial<TListFilters>;
  now?: Date;
}

/**
 * One page of the inbox list: the view (mine, unassigned, all), the filters, and one of three
 * orders, in keyset pages that stay stable while conversations change:
 * - newest: latest activity first (lastMessageAt, then id, descending);
 * - waiting: customers waiting for an answer, the longest waiting first (waitingSince);
 * - closing: reply windows still open, the one that closes first on top (lastInboundAt);
 * - sla: the next SLA due time soonest first (overdue ones on top), those without one last.
 */
export async function listConversations(
  prisma: PrismaClient,
  { userId, accountIds, limit, cursor, filters: given = {}, now = new Date() }: TListConversationsOptions,
): Promise<TConversationPage> {
  const filters = { ...DEFAULT_FILTERS, ...given };
  const after = cursor ? decodeCursor(cursor) : undefined;
  const where = conversationWhere({ userId, accountIds, filters, now });
  const order = ORDERS[filters.sort];
  if (order.only) where.push(order.only(now));
  if (after) where.push(order.after(after));
  const rows = await prisma.$queryRaw<{ id: string; key: Date }[]>`
    SELECT c."id", ${order.key} AS "key" FROM "Conversation" c
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order.orderBy}
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const conversations = await loadSummaries(prisma, { ids: page.map((row) => row.id), userId, now });
  const last = page.at(-1);
  return {
    conversations,
    nextCursor: rows.length > limit && last ? encodeCursor(last.key, last.id) : null,
  };
}

/** The WHERE conditions of a list (alias c), shared with the views' counts. */
export function conversationWhere({
  userId,
  accountIds,
  filters,
  now,
}: {
  userId: string;
  accountIds: string[] | null;
  filters: TListFilters;
  now: Date;
}): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (accountIds !== null) {
    where.push(accountIds.length ? Prisma.sql`c."accountId" IN (${Prisma.join(accountIds)})` : Prisma.sql`FALSE`);
  }
  if (filters.account) where.push(Prisma.sql`c."accountId" = ${filters.account}`);
  if (filters.label) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ConversationLabel" cl WHERE cl."conversationId" = c."id" AND cl."labelId" = ${filters.label})`,
    );
  }
  if (filters.view === "mine") where.push(Prisma.sql`c."assigneeId" = ${userId}`);
  if (filters.view === "unassigned") where.push(Prisma.sql`c."assigneeId" IS NULL`);
  if (filters.status === "open") where.push(Prisma.sql`c."status" = 'OPEN' AND c."botTokenId" IS NULL`);
  else if (filters.status === "bot") where.push(Prisma.sql`c."botTokenId" IS NOT NULL`);
  else if (filters.status !== "all") {
    where.push(Prisma.sql`c."status" = CAST(${filters.status.toUpperCase()} AS "ConversationStatus")`);
  }
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const closingFrom = new Date(now.getTime() - WINDOW_MS + CLOSING_MS);
  if (filters.window === "open") where.push(Prisma.sql`c."lastInboundAt" > ${windowStart}`);
  if (filters.window === "closing") {
    where.push(Prisma.sql`c."lastInboundAt" > ${windowStart} AND c."lastInboundAt" <= ${closingFrom}`);
  }
  if (filters.window === "closed") {
    where.push(Prisma.sql`(c."lastInboundAt" IS NULL OR c."lastInboundAt" <= ${windowStart})`);
  }
  if (filters.handover) where.push(Prisma.sql`c."handoverUntil" > ${now}`);
  return where;
}

/** NO_SLA_DUE as a literal (a parameter would be typed apart from the column on some drivers). */
const SLA_KEY = Prisma.sql`COALESCE(c."slaDueAt", TIMESTAMP '9999-12-31 00:00:00')`;

interface TOrder {
  key: Prisma.Sql;
  orderBy: Prisma.Sql;
  /** Rows this order lists at all (waiting: someone waits; closing: the window is open). */
  only?: (now: Date) => Prisma.Sql;
  after: (cursor: { at: Date; id: string }) => Prisma.Sql;
}

const ORDERS: Record<TListFilters["sort"], TOrder> = {
  newest: {
    key: Prisma.sql`c."lastMessageAt"`,
    orderBy: Prisma.sql`c."lastMessageAt" DESC, c."id" DESC`,
    after: ({ at, id }) => Prisma.sql`(c."lastMessageAt", c."id") < (${at}, ${id})`,
  },
  waiting: {
    key: Prisma.sql`c."waitingSince"`,
    orderBy: Prisma.sql`c."waitingSince" ASC, c."id" ASC`,
    only: () => Prisma.sql`c."waitingSince" IS NOT NULL`,
    after: ({ at, id }) => Prisma.sql`(c."waitingSince", c."id") > (${at}, ${id})`,
  },
  closing: {
    key: Prisma.sql`c."lastInboundAt"`,
    orderBy: Prisma.sql`c."lastInboundAt" ASC, c."id" ASC`,
    only: (now) => Prisma.sql`c."lastInboundAt" > ${new Date(now.getTime() - WINDOW_MS)}`,
    after: ({ at, id }) => Prisma.sql`(c."lastInboundAt", c."id") > (${at}, ${id})`,
  },
  // Nulls last through a key far in the future, which a cursor can carry like any other time.
  sla: {
    key: SLA_KEY,
    orderBy: Prisma.sql`${SLA_KEY} ASC, c."id" ASC`,
    after: ({ at, id }) => Prisma.sql`(${SLA_KEY}, c."id") > (${at}, ${id})`,
  },
};
