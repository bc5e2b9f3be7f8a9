import type { Prisma } from "../../db/generated/client";
import type { TConversationSummary } from "../../conversations/summary";
import { compareLabels } from "../../labels/schemas";
import type { TSlaTarget } from "../../sla/schemas";
import { toLabel } from "../labels/to-label";

export interface TConversationRow {
  id: string;
  accountId: string;
  lastMessageAt: Date;
  lastMessagePreview: string;
  lastInboundAt: Date | null;
  handoverUntil: Date | null;
  status: TConversationSummary["status"];
  snoozedUntil: Date | null;
  waitingSince: Date | null;
  assignee: { id: string; name: string } | null;
  /** The bot token holding it; left out by producers that do not read it. */
  botToken?: { id: string; name: string } | null;
  updatedAt: Date;
  /** The SLA columns; left out by producers that do not read them (the summary omits them then). */
  slaDueAt?: Date | null;
  slaTarget?: TSlaTarget | null;
  slaAtRiskAt?: Date | null;
  account: { displayName: string };
  contact: { id?: string; igsid: string; name: string | null; username: string | null };
  labels: { label: { id: string; name: string; color: string } }[];
}

const LABELS_INCLUDE = { select: { label: { select: { id: true, name: true, color: true } } } } as const;

/**
 * What a summary needs but its labels: updateManyAndReturn includes only to-one relations, so
 * its callers include this and then add the labels with withLabels.
 */
export const CONVERSATION_ROW_INCLUDE = {
  account: { select: { displayName: true } },
  contact: { select: { id: true, igsid: true, name: true, username: true } },
  assignee: { select: { id: true, name: true } },
  botToken: { select: { id: true, name: true } },
} as const;

export const CONVERSATION_SUMMARY_INCLUDE = { ...CONVERSATION_ROW_INCLUDE, labels: LABELS_INCLUDE } as const;

/** Adds their labels to conversation rows read without them (one query for all). */
export async function withLabels<T extends { id: string }>(
  tx: Prisma.TransactionClient,
  rows: T[],
): Promise<(T & Pick<TConversationRow, "labels">)[]> {
  if (rows.length === 0) return [];
  const links = await tx.conversationLabel.findMany({
    where: { conversationId: { in: rows.map((row) => row.id) } },
    select: { conversationId: true, ...LABELS_INCLUDE.select },
  });
  const byConversation = new Map<string, typeof links>();
  for (const link of links)
    byConversation.set(link.conversationId, [...(byConversation.get(link.conversationId) ?? []), link]);
  return rows.map((row) => ({ ...row, labels: byConversation.get(row.id) ?? [] }));
}

export function toConversationSummary(
  row: TConversationRow,
  unreadCount: number | null = null,
  now: Date = new Date(),
): TConversationSummary {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.account.displayName,
    contact: row.contact,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastMessagePreview: row.lastMessagePreview,
    lastInboundAt: row.lastInboundAt?.toISOString() ?? null,
    handoverUntil: row.handoverUntil?.toISOString() ?? null,
    status: row.status,
    snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
    waitingSince: row.waitingSince?.toISOString() ?? null,
    assignee: row.assignee,
    ...(row.botToken !== undefined && { bot: row.botToken }),
    labels: row.labels.map((row) => toLabel(row.label)).sort(compareLabels),
    unreadCount,
    updatedAt: row.updatedAt.toISOString(),
    ...slaFields(row, now),
  };
}

function slaFields(row: TConversationRow, now: Date): Partial<TConversationSummary> {
  if (row.slaDueAt === undefined) return {};
  const atRiskAt = row.slaAtRiskAt ?? null;
  return {
    slaDueAt: row.slaDueAt?.toISOString() ?? null,
    slaTarget: row.slaTarget ?? null,
    slaAtRiskAt: atRiskAt?.toISOString() ?? null,
    slaAtRisk: row.slaDueAt !== null && atRiskAt !== null && atRiskAt <= now,
  };
}
