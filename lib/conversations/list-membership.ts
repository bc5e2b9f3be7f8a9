import { MESSAGING_WINDOW_MS } from "../channel/rules";
import type { TConversationSummary } from "./summary";
import type { TListFilters } from "./schemas";

/** How long before the reply window ends it counts as "closing" (as the server's filter). */
export const CLOSING_MS = 60 * 60 * 1000;

/**
 * Whether a conversation belongs in a list with these filters, as the server decides it
 * (lib/server/conversations/list-conversations.ts): the browser uses it to move a changed
 * conversation into or out of the lists it holds without asking the server again.
 */
export function matchesFilters(
  c: TConversationSummary,
  filters: TListFilters,
  { userId, now }: { userId: string; now: Date },
): boolean {
  if (filters.account && c.accountId !== filters.account) return false;
  if (filters.label && !c.labels.some((label) => label.id === filters.label)) return false;
  if (filters.view === "mine" && c.assignee?.id !== userId) return false;
  if (filters.view === "unassigned" && c.assignee !== null) return false;
  if (filters.status === "bot") {
    if (!c.bot) return false;
  } else if (filters.status === "open") {
    if (c.status !== "OPEN" || c.bot) return false;
  } else if (filters.status !== "all" && c.status !== filters.status.toUpperCase()) return false;
  const inbound = c.lastInboundAt ? Date.parse(c.lastInboundAt) : null;
  const windowOpen = inbound !== null && inbound > now.getTime() - MESSAGING_WINDOW_MS;
  if (filters.window === "open" && !windowOpen) return false;
  if (filters.window === "closing" && !(windowOpen && inbound <= now.getTime() - MESSAGING_WINDOW_MS + CLOSING_MS)) {
    return false;
  }
  if (filters.window === "closed" && windowOpen) return false;
  if (filters.handover && !(c.handoverUntil && Date.parse(c.handoverUntil) > now.getTime())) return false;
  if (filters.sort === "waiting" && c.waitingSince === null) return false;
  if (filters.sort === "closing" && !windowOpen) return false;
  return true;
}

/** Where conversations without an SLA due time sort in "SLA due soonest": last (as the server's key). */
export const NO_SLA_DUE = "9999-12-31T00:00:00.000Z";

/** Negative when `a` comes before `b` in a list in this order (the server's ORDER BY). */
export function compareForSort(sort: TListFilters["sort"]) {
  return (a: TConversationSummary, b: TConversationSummary): number => {
    const [ka, kb, descending] =
      sort === "waiting"
        ? [a.waitingSince ?? "", b.waitingSince ?? "", false]
        : sort === "closing"
          ? [a.lastInboundAt ?? "", b.lastInboundAt ?? "", false]
          : sort === "sla"
            ? [a.slaDueAt ?? NO_SLA_DUE, b.slaDueAt ?? NO_SLA_DUE, false]
            : [a.lastMessageAt, b.lastMessageAt, true];
    const byKey = ka === kb ? 0 : ka < kb ? -1 : 1;
    const byId = a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
    const order = byKey !== 0 ? byKey : byId;
    return descending ? -order : order;
  };
}
