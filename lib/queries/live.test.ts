import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { conversationSummary, messageView } from "../testing/views";
import { ZListFilters } from "../conversations/schemas";
import type { TConversationSummary } from "../conversations/summary";
import { conversationKeys, type TConversationPages } from "./conversations";
import { createEventReplay } from "./event-replay";
import { labelKeys } from "./labels";
import { applyConversationEvent, applyLabelsChanged, applyMessageEvent, markUnread, replayOntoFetches } from "./live";
import { conversationDetailKey, messageKeys, type TMessagePages } from "./messages";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
const conversation = (id: string, minute: number, overrides: Partial<TConversationSummary> = {}) =>
  conversationSummary(id, minute, { unreadCount: 0, ...overrides });
const message = (id: string, conversationId: string) => messageView(id, 1, { conversationId });

const listKey = (filters: Record<string, unknown>) => conversationKeys.list(ZListFilters.parse(filters));
const page = (...conversations: TConversationSummary[]): TConversationPages => ({
  pages: [{ conversations, nextCursor: null }],
  pageParams: [null],
});
const idsIn = (client: QueryClient, key: readonly unknown[]) =>
  client.getQueryData<TConversationPages>(key)?.pages.flatMap((p) => p.conversations.map((c) => c.id));

describe("live events in the cache", () => {
  it("moves a conversation into the lists whose filters it matches, out of the others, and into its header", () => {
    const client = new QueryClient();
    const open = listKey({ status: "open" });
    const resolved = listKey({ status: "resolved" });
    client.setQueryData(open, page(conversation("a", 1)));
    client.setQueryData(resolved, page(conversation("b", 2, { status: "RESOLVED" })));
    client.setQueryData(conversationDetailKey("b"), conversation("b", 2, { status: "RESOLVED" }));

    applyConversationEvent(client, conversation("b", 3), { userId: "u1", now: new Date(at(4)) });

    expect(idsIn(client, open)).toEqual(["b", "a"]);
    expect(idsIn(client, resolved)).toEqual([]);
    expect(client.getQueryData<TConversationSummary>(conversationDetailKey("b"))?.status).toBe("OPEN");
  });

  it("puts a message into its thread and counts a customer's message unread on its row", () => {
    const client = new QueryClient();
    const list = listKey({});
    client.setQueryData(list, page(conversation("a", 1)));
    client.setQueryData<TMessagePages>(messageKeys.thread("a"), {
      pages: [{ messages: [], nextCursor: null }],
      pageParams: [null],
    });

    applyMessageEvent(client, message("m1", "a"));
    markUnread(client, "a");

    const thread = client.getQueryData<TMessagePages>(messageKeys.thread("a"));
    expect(thread?.pages.flatMap((p) => p.messages.map((m) => m.id))).toEqual(["m1"]);
    expect(client.getQueryData<TConversationPages>(list)?.pages[0]?.conversations[0]?.unreadCount).toBe(1);
  });

  it("takes the whole label list", () => {
    const client = new QueryClient();
    applyLabelsChanged(client, [{ id: "l1", name: "VIP", color: "blue" }]);
    expect(client.getQueryData(labelKeys.list())).toEqual([{ id: "l1", name: "VIP", color: "blue" }]);
  });

  it("replays recent events onto a list fetched meanwhile, and stops when asked", async () => {
    const client = new QueryClient();
    const list = listKey({});
    const recent = createEventReplay(60_000);
    const stop = replayOntoFetches(client, recent);
    recent.record(() => applyConversationEvent(client, conversation("new", 5), { userId: "u1", now: new Date(at(6)) }));

    // A fetch that read its rows before the event answers without it: the replay puts it back.
    await client.fetchQuery({ queryKey: list, queryFn: () => page(conversation("old", 1)) });
    expect(idsIn(client, list)).toEqual(["new", "old"]);

    stop();
    await client.fetchQuery({ queryKey: list, queryFn: () => page(conversation("old", 1)), staleTime: 0 });
    expect(idsIn(client, list)).toEqual(["old"]);
  });
});
