import type { Prisma, PrismaClient } from "../../db/generated/client";
import { toV1Contact } from "../../api-v1/schemas";
import { loadSummaries } from "../conversations/load-summaries";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "../messages/to-message-view";

// The hooks worker's first step (issue 21): events the triggers wrote (in the transactions of
// the changes) get their payload, the resource as the public API returns it, and one delivery
// per enabled endpoint that wants them. One instance prepares at a time (an advisory lock), in
// the events' order, so each endpoint's deliveries of a conversation are made in that order.

type TTx = Prisma.TransactionClient;

interface TEventRow {
  id: bigint;
  type: string;
  resourceId: string;
  changes: Record<string, unknown> | null;
  occurredAt: Date;
}

interface TTarget {
  conversationId: string;
  accountId: string;
  object: unknown;
  /** A private note: sent only to endpoints that chose notes. */
  isNote: boolean;
  /** The inbox's own line ("Resolved by …"): never sent (conversation.updated tells the change). */
  isSystemLine?: boolean;
}

/** The webhook's body: what a receiver parses (README "Outgoing webhooks"). */
export interface THookPayload {
  id: string;
  type: string;
  timestamp: string;
  accountId: string | null;
  conversationId: string | null;
  data: { object: unknown; changes: Record<string, unknown> | null };
}

export function hookMessageId(eventId: bigint | string): string {
  return `evt_${eventId}`;
}

export function hookPayload(
  event: Pick<TEventRow, "id" | "type" | "occurredAt" | "changes">,
  target: { accountId: string | null; conversationId: string | null; object: unknown } | null,
): THookPayload {
  return {
    id: hookMessageId(event.id),
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    accountId: target?.accountId ?? null,
    conversationId: target?.conversationId ?? null,
    data: { object: target?.object ?? null, changes: event.changes },
  };
}

const RESOURCE = (type: string) => type.split(".")[0] as "conversation" | "message" | "contact" | "survey";

async function conversationTargets(tx: TTx, ids: string[]): Promise<Map<string, TTarget>> {
  const summaries = await loadSummaries(tx as PrismaClient, { ids, userId: "" });
  return new Map(
    summaries.map(({ unreadCount: _unread, ...summary }) => [
      summary.id,
      { conversationId: summary.id, accountId: summary.accountId, object: summary, isNote: false },
    ]),
  );
}

async function messageTargets(tx: TTx, ids: string[]): Promise<Map<string, TTarget>> {
  const rows = await tx.message.findMany({
    where: { id: { in: ids } },
    include: { ...MESSAGE_VIEW_INCLUDE, conversation: { select: { accountId: true } } },
  });
  return new Map(
    rows.map((row) => {
      const { clientId: _client, ...view } = toMessageView(row);
      return [
        row.id,
        {
          conversationId: row.conversationId,
          accountId: row.conversation.accountId,
          object: view,
          isNote: row.kind === "NOTE",
          isSystemLine: row.kind === "SYSTEM",
        },
      ];
    }),
  );
}

async function contactTargets(tx: TTx, ids: string[]): Promise<Map<string, TTarget>> {
  const rows = await tx.contact.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      accountId: true,
      igsid: true,
      name: true,
      username: true,
      notes: true,
      notesUpdatedAt: true,
      createdAt: true,
      updatedAt: true,
      conversations: { select: { id: true }, take: 1 },
    },
  });
  return new Map(
    rows.flatMap(({ conversations, ...contact }) => {
      const conversation = conversations[0];
      if (!conversation) return [];
      const target = {
        conversationId: conversation.id,
        accountId: contact.accountId,
        object: toV1Contact(contact),
        isNote: false,
      };
      return [[contact.id, target] as const];
    }),
  );
}

async function surveyTargets(tx: TTx, ids: string[]): Promise<Map<string, TTarget>> {
  const rows = await tx.survey.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      conversationId: true,
      accountId: true,
      agentId: true,
      sentAt: true,
      score: true,
      answeredAt: true,
      comment: true,
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        conversationId: row.conversationId,
        accountId: row.accountId,
        object: { ...row, sentAt: row.sentAt.toISOString(), answeredAt: row.answeredAt?.toISOString() ?? null },
        isNote: false,
      },
    ]),
  );
}

const LOADERS = {
  conversation: conversationTargets,
  message: messageTargets,
  contact: contactTargets,
  survey: surveyTargets,
};

async function loadTargets(tx: TTx, events: TEventRow[]): Promise<Map<string, TTarget>> {
  const targets = new Map<string, TTarget>();
  for (const [resource, load] of Object.entries(LOADERS)) {
    const ids = [...new Set(events.filter((e) => RESOURCE(e.type) === resource).map((e) => e.resourceId))];
    if (ids.length === 0) continue;
    for (const [id, target] of await load(tx, ids)) targets.set(`${resource}:${id}`, target);
  }
  return targets;
}

interface TEndpointRule {
  id: string;
  events: string[];
  includeNotes: boolean;
  allAccounts: boolean;
  accountIds: Set<string>;
}

function wants(endpoint: TEndpointRule, event: TEventRow, target: TTarget): boolean {
  return (
    endpoint.events.includes(event.type) &&
    (endpoint.allAccounts || endpoint.accountIds.has(target.accountId)) &&
    (!target.isNote || endpoint.includeNotes) &&
    !target.isSystemLine
  );
}

/**
 * Prepares up to `limit` events in one transaction. Events whose resource is gone (a
 * conversation deleted since) are prepared with no deliveries. Resolves how many it prepared
 * (0 also when another instance holds the lock).
 */
export async function prepareHookEvents(prisma: PrismaClient, { limit = 500, now = new Date() } = {}): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<
      { locked: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(hashtext('hooks:prepare')) AS "locked"`;
    if (!lock?.locked) return 0;
    const events = await tx.$queryRaw<TEventRow[]>`
      SELECT "id", "type", "resourceId", "changes", "occurredAt" FROM "HookEvent"
      WHERE "preparedAt" IS NULL
      ORDER BY "id" LIMIT ${limit}`;
    if (events.length === 0) return 0;
    const targets = await loadTargets(tx, events);
    const endpoints: TEndpointRule[] = (
      await tx.hookEndpoint.findMany({
        where: { enabled: true },
        select: {
          id: true,
          events: true,
          includeNotes: true,
          allAccounts: true,
          accounts: { select: { accountId: true } },
        },
      })
    ).map((e) => ({ ...e, accountIds: new Set(e.accounts.map((a) => a.accountId)) }));

    const deliveries: Prisma.HookDeliveryCreateManyInput[] = [];
    const prepared = events.map((event) => {
      const target = targets.get(`${RESOURCE(event.type)}:${event.resourceId}`) ?? null;
      if (target) {
        for (const endpoint of endpoints) {
          if (wants(endpoint, event, target)) {
            deliveries.push({
              endpointId: endpoint.id,
              eventId: event.id,
              orderKey: target.conversationId,
              nextAttemptAt: now,
            });
          }
        }
      }
      return { event, target, payload: target ? hookPayload(event, target) : null };
    });
    // Delivery ids follow the events' order: the deliverer keeps a conversation's order by them.
    if (deliveries.length > 0) await tx.hookDelivery.createMany({ data: deliveries });
    await tx.$executeRaw`
      UPDATE "HookEvent" e SET "preparedAt" = ${now}, "conversationId" = u."conversationId",
        "accountId" = u."accountId", "payload" = u."payload"
      FROM unnest(${prepared.map((p) => p.event.id)}::bigint[], ${prepared.map((p) => p.target?.conversationId ?? null)}::text[],
        ${prepared.map((p) => p.target?.accountId ?? null)}::text[], ${prepared.map((p) => (p.payload ? JSON.stringify(p.payload) : null))}::jsonb[])
        AS u("id", "conversationId", "accountId", "payload")
      WHERE e."id" = u."id"`;
    return events.length;
  });
}
