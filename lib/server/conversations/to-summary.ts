import type { TConversationSummary } from "../../queries/conversation-types";
import { compareLabels } from "../../labels/schemas";
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
  updatedAt: Date;
  account: { displayName: string };
  contact: { igsid: string; name: string | null; username: string | null };
  labels: { label: { id: string; name: string; color: string } }[];
}

export const CONVERSATION_SUMMARY_INCLUDE = {
  account: { select: { displayName: true } },
  contact: { select: { igsid: true, name: true, username: true } },
  assignee: { select: { id: true, name: true } },
  labels: { select: { label: { select: { id: true, name: true, color: true } } } },
} as const;

export function toConversationSummary(row: TConversationRow, unreadCount: number | null = null): TConversationSummary {
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
    labels: row.labels.map((row) => toLabel(row.label)).sort(compareLabels),
    unreadCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}
