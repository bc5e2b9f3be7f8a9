import { describe, expect, it } from "vitest";
import type { TConversationSummary } from "../conversations/summary";
import {
  bumpUnread,
  clearUnread,
  detailFromAnswer,
  detailFromEvent,
  upsertConversation,
  type TConversationPages,
} from "./conversations";

function conv(id: string, minute: number, updatedMinute = minute, preview = `msg ${id}`): TConversationSummary {
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m)).toISOString();
  return {
    id,
    accountId: "acc",
    accountName: "Shop",
    contact: { igsid: id, name: id, username: null },
    lastMessageAt: at(minute),
    lastMessagePreview: preview,
    lastInboundAt: at(minute),
    handoverUntil: null,
    status: "OPEN",
    snoozedUntil: null,
    waitingSince: null,
    assignee: null,
    labels: [],
    unreadCount: null,
    updatedAt: at(updatedMinute),
  };
}

function pages(...lists: [TConversationSummary[], string | null][]): TConversationPages {
  return {
    pages: lists.map(([conversations, nextCursor]) => ({ conversations, nextCursor })),
    pageParams: lists.map((_, i) => (i === 0 ? null : `c${i}`)),
  };
}

const ids = (data: TConversationPages | undefined) => data?.pages.map((p) => p.conversations.map((c) => c.id));

describe("upsertConversation", () => {
  it("puts a new conversation at the top", () => {
    const data = pages([[conv("b", 5), conv("a", 1)], null]);
    expect(ids(upsertConversation(data, conv("c", 9)))).toEqual([["c", "b", "a"]]);
  });

  it("moves an updated conversation to the top and replaces its preview", () => {
    const data = pages([[conv("b", 5), conv("a", 1)], null]);
    const next = upsertConversation(data, conv("a", 9, 9, "new text"));
    expect(ids(next)).toEqual([["a", "b"]]);
    expect(next?.pages[0]?.conversations[0]?.lastMessagePreview).toBe("new text");
  });

  it("ignores an update older than the copy it holds", () => {
    const data = pages([[conv("a", 9, 9, "newest")], null]);
    expect(upsertConversation(data, conv("a", 5, 5, "stale"))).toBe(data);
  });

  it("removes a conversation from a later page when it moves to the top", () => {
    const data = pages([[conv("d", 8), conv("c", 7)], "cur"], [[conv("b", 5), conv("a", 1)], null]);
    expect(ids(upsertConversation(data, conv("a", 9)))).toEqual([["a", "d", "c"], ["b"]]);
  });

  it("leaves a conversation older than every loaded page to pagination", () => {
    const data = pages([[conv("d", 8), conv("c", 7)], "cur"]);
    expect(ids(upsertConversation(data, conv("z", 1)))).toEqual([["d", "c"]]);
  });

  it("keeps the agent's unread count when a live event does not carry one", () => {
    const data = pages([[{ ...conv("a", 1), unreadCount: 3 }], null]);
    expect(upsertConversation(data, conv("a", 9))?.pages[0]?.conversations[0]?.unreadCount).toBe(3);
  });

  it("counts and clears unread messages", () => {
    const data = pages([[{ ...conv("a", 1), unreadCount: 1 }, conv("b", 0)], null]);
    expect(bumpUnread(data, "a")?.pages[0]?.conversations[0]?.unreadCount).toBe(2);
    expect(bumpUnread(data, "b")?.pages[0]?.conversations[1]?.unreadCount).toBe(1);
    expect(clearUnread(data, "a")?.pages[0]?.conversations[0]?.unreadCount).toBe(0);
  });

  it("does nothing without a cached list", () => {
    expect(upsertConversation(undefined, conv("a", 1))).toBeUndefined();
  });
});

describe("the open conversation's header (detail cache)", () => {
  const cached = { ...conv("a", 1, 5), unreadCount: 3 };

  it("takes this agent's answer unless a newer copy is cached, keeping the unread count", () => {
    const answer = { ...conv("a", 1, 6, "assigned"), unreadCount: null };
    expect(detailFromAnswer(cached, answer)).toEqual({ ...answer, unreadCount: 3 });
    // Same moment: the answer wins (it is this agent's own change).
    expect(detailFromAnswer(cached, { ...conv("a", 1, 5, "same"), unreadCount: null }).lastMessagePreview).toBe("same");
    expect(detailFromAnswer(cached, conv("a", 1, 4, "older"))).toBe(cached);
    // Nothing cached yet: the answer fills it, with nothing unread.
    expect(detailFromAnswer(undefined, answer)).toEqual({ ...answer, unreadCount: 0 });
  });

  it("refreshes a cached copy from a strictly newer event only, and never creates one", () => {
    const event = conv("a", 1, 6, "from elsewhere");
    expect(detailFromEvent(cached, event)).toEqual({ ...event, unreadCount: 3 });
    expect(detailFromEvent(cached, conv("a", 1, 5, "same"))).toBe(cached);
    expect(detailFromEvent(cached, conv("a", 1, 4, "older"))).toBe(cached);
    expect(detailFromEvent(undefined, event)).toBeUndefined();
  });
});
