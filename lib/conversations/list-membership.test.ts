import { describe, expect, it } from "vitest";
import type { TConversationSummary } from "./summary";
import { upsertConversation, type TConversationPages } from "../queries/conversations";
import { compareForSort, matchesFilters } from "./list-membership";
import { DEFAULT_FILTERS, filtersFromParams, filtersToParams } from "./schemas";

const now = new Date("2026-03-01T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

function conversation(id: string, overrides: Partial<TConversationSummary> = {}): TConversationSummary {
  return {
    id,
    accountId: "acc-a",
    accountName: "Shop A",
    contact: { igsid: id, name: id, username: null },
    lastMessageAt: ago(5),
    lastMessagePreview: "hi",
    lastInboundAt: ago(5),
    handoverUntil: null,
    status: "OPEN",
    snoozedUntil: null,
    waitingSince: ago(5),
    assignee: null,
    labels: [],
    unreadCount: null,
    updatedAt: ago(5),
    ...overrides,
  };
}

describe("which list a changed conversation belongs to (the browser's copy of the server's filters)", () => {
  const me = { userId: "ada", now };

  it("follows views, status, account, window, handover and the order's own rows", () => {
    const mine = conversation("c1", { assignee: { id: "ada", name: "Ada" } });
    expect(matchesFilters(mine, { ...DEFAULT_FILTERS, view: "mine" }, me)).toBe(true);
    expect(matchesFilters(mine, { ...DEFAULT_FILTERS, view: "unassigned" }, me)).toBe(false);
    expect(matchesFilters(conversation("c2"), { ...DEFAULT_FILTERS, view: "unassigned" }, me)).toBe(true);
    const resolved = conversation("c3", { status: "RESOLVED" });
    expect(matchesFilters(resolved, DEFAULT_FILTERS, me)).toBe(false);
    expect(matchesFilters(resolved, { ...DEFAULT_FILTERS, status: "resolved" }, me)).toBe(true);
    expect(matchesFilters(resolved, { ...DEFAULT_FILTERS, status: "all" }, me)).toBe(true);
    expect(matchesFilters(conversation("c4"), { ...DEFAULT_FILTERS, account: "acc-b" }, me)).toBe(false);

    const closing = conversation("c5", { lastInboundAt: ago(23 * 60 + 30) });
    const closed = conversation("c6", { lastInboundAt: ago(25 * 60) });
    expect(matchesFilters(closing, { ...DEFAULT_FILTERS, window: "closing" }, me)).toBe(true);
    expect(matchesFilters(conversation("c7"), { ...DEFAULT_FILTERS, window: "closing" }, me)).toBe(false);
    expect(matchesFilters(closed, { ...DEFAULT_FILTERS, window: "closed" }, me)).toBe(true);
    expect(matchesFilters(closed, { ...DEFAULT_FILTERS, sort: "closing" }, me)).toBe(false);
    expect(
      matchesFilters(conversation("c8", { waitingSince: null }), { ...DEFAULT_FILTERS, sort: "waiting" }, me),
    ).toBe(false);
    const handedOver = conversation("c9", { handoverUntil: new Date(now.getTime() + 60_000).toISOString() });
    expect(matchesFilters(handedOver, { ...DEFAULT_FILTERS, handover: true }, me)).toBe(true);
    expect(matchesFilters(conversation("c10"), { ...DEFAULT_FILTERS, handover: true }, me)).toBe(false);
  });

  it("follows the label filter: in with the label, out when it is taken off", () => {
    const vip = { id: "l-vip", name: "VIP", color: "amber" as const };
    const labelled = conversation("c11", { labels: [vip] });
    const filters = filtersFromParams(new URLSearchParams("label=l-vip"));
    expect(filters.label).toBe("l-vip");
    expect(matchesFilters(labelled, filters, me)).toBe(true);
    expect(matchesFilters({ ...labelled, labels: [] }, filters, me)).toBe(false);
    expect(matchesFilters(labelled, { ...filters, label: "l-other" }, me)).toBe(false);
    expect(matchesFilters(conversation("c12"), DEFAULT_FILTERS, me)).toBe(true);
  });

  it("removes a conversation that left the list and places one that joined it by the list's order", () => {
    const a = conversation("a", { waitingSince: ago(30) });
    const b = conversation("b", { waitingSince: ago(10) });
    const data: TConversationPages = { pages: [{ conversations: [a, b], nextCursor: null }], pageParams: [null] };
    const compare = compareForSort("waiting");
    const joined = conversation("c", { waitingSince: ago(20), updatedAt: ago(1) });
    const placed = upsertConversation(data, joined, { belongs: true, compare });
    expect(placed?.pages[0]?.conversations.map((c) => c.id)).toEqual(["a", "c", "b"]);
    const answered = { ...a, waitingSince: null, updatedAt: ago(0) };
    const left = upsertConversation(placed, answered, { belongs: false, compare });
    expect(left?.pages[0]?.conversations.map((c) => c.id)).toEqual(["c", "b"]);
  });

  it("keeps the URL plain for the default list and reads back what it wrote", () => {
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe("");
    const filters = {
      ...DEFAULT_FILTERS,
      view: "mine" as const,
      label: "l-vip",
      handover: true,
      sort: "waiting" as const,
    };
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    // Anything unknown falls back to the default rather than breaking the page.
    expect(filtersFromParams(new URLSearchParams("view=everything&sort=random"))).toEqual(DEFAULT_FILTERS);
  });
});
