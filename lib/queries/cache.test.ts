import { MutationObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TConversationSummary } from "../conversations/summary";
import type { TMessageView } from "../messages/schemas";
import { threadWriteOptions, writeConversationDetail, writeMessage } from "./cache";
import { conversationDetailKey, messageKeys, pendingMessage, replyWrite, type TMessagePages } from "./messages";
import { noteWrite } from "./notes";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();

function stored(id: string, clientId: string | null, minute = 1): TMessageView {
  return {
    ...pendingMessage({
      conversationId: "c1",
      direction: "OUTBOUND",
      kind: "TEXT",
      content: { text: id },
      authorName: "Ada",
      clientId: clientId ?? "",
    }),
    id,
    clientId,
    status: "QUEUED",
    seq: minute,
    sentAt: at(minute),
    updatedAt: at(minute),
  };
}

const emptyThread = (): TMessagePages => ({ pages: [{ messages: [], nextCursor: null }], pageParams: [null] });
const thread = (client: QueryClient) =>
  client.getQueryData<TMessagePages>(messageKeys.thread("c1"))?.pages.flatMap((p) => p.messages) ?? [];

function held(): QueryClient {
  const client = new QueryClient();
  client.setQueryData(messageKeys.thread("c1"), emptyThread());
  return client;
}

describe("the cache kit", () => {
  it("replaces this browser's pending bubble with the server's copy, whichever write comes second", () => {
    const client = held();
    const bubble = pendingMessage({
      conversationId: "c1",
      direction: "OUTBOUND",
      kind: "TEXT",
      content: { text: "hi" },
      authorName: "Ada",
      clientId: "k1",
    });
    writeMessage(client, bubble);
    writeMessage(client, stored("m1", "k1"));
    writeMessage(client, stored("m1", "k1"));
    expect(thread(client).map((m) => m.id)).toEqual(["m1"]);
  });

  it("writes a reply or a note optimistically: the bubble at once, the answer in its place", async () => {
    const client = held();
    let answer: (message: TMessageView) => void = () => undefined;
    const write = new MutationObserver(
      client,
      threadWriteOptions(client, "c1", {
        post: () => new Promise<TMessageView>((resolve) => (answer = resolve)),
        bubble: ({ clientId }: { clientId: string }) =>
          pendingMessage({
            conversationId: "c1",
            direction: "INTERNAL",
            kind: "NOTE",
            content: { text: "n", mentions: [] },
            authorName: "Ada",
            clientId,
          }),
      }),
    );
    const done = write.mutate({ clientId: "k2" });
    await Promise.resolve();
    expect(thread(client).map((m) => [m.id, m.status])).toEqual([["pending:k2", "SENDING"]]);
    answer(stored("m2", "k2"));
    await done;
    expect(thread(client).map((m) => m.id)).toEqual(["m2"]);
  });

  it("leaves a failed write's bubble marked failed with the reason, to retry", async () => {
    const client = held();
    const write = new MutationObserver(
      client,
      threadWriteOptions(client, "c1", {
        post: () => Promise.reject(new Error("The server cannot be reached.")),
        bubble: ({ clientId }: { clientId: string }) =>
          pendingMessage({
            conversationId: "c1",
            direction: "OUTBOUND",
            kind: "TEXT",
            content: { text: "x" },
            authorName: "Ada",
            clientId,
          }),
      }),
    );
    await write.mutate({ clientId: "k3" }).catch(() => undefined);
    expect(thread(client).map((m) => [m.id, m.status, m.statusReason, m.retryable])).toEqual([
      ["pending:k3", "FAILED", "The server cannot be reached.", true],
    ]);
  });

  it("takes an answer into the open conversation's header, an event only over an older held copy", () => {
    const client = new QueryClient();
    const summary = (minute: number) =>
      ({ id: "c1", updatedAt: at(minute), unreadCount: null }) as TConversationSummary;
    writeConversationDetail(client, summary(2), "event");
    expect(client.getQueryData(conversationDetailKey("c1"))).toBeUndefined();
    writeConversationDetail(client, summary(2), "answer");
    expect(client.getQueryData(conversationDetailKey("c1"))).toEqual({ ...summary(2), unreadCount: 0 });
    writeConversationDetail(client, summary(1), "event");
    writeConversationDetail(client, summary(3), "event");
    expect(client.getQueryData<TConversationSummary>(conversationDetailKey("c1"))?.updatedAt).toBe(at(3));
  });
});

describe("replies and notes through the one thread-write", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("posts each to its route and puts the stored copy in the bubble's place", async () => {
    const posted: string[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      posted.push(url);
      const { clientId } = JSON.parse(String(init.body)) as { clientId: string };
      return Response.json({ message: stored(`m-${clientId}`, clientId) });
    });
    const client = held();
    const run = <T extends { clientId: string }>(write: Parameters<typeof threadWriteOptions<T>>[2], variables: T) =>
      new MutationObserver(client, threadWriteOptions(client, "c1", write)).mutate(variables);
    await run(replyWrite("c1", "Ada"), { content: { kind: "text", text: "hi" }, clientId: "r1", takeBack: false });
    await run(noteWrite("c1", "Ada"), { text: "psst", clientId: "n1" });
    expect(posted).toEqual(["/api/conversations/c1/messages", "/api/conversations/c1/notes"]);
    expect(
      thread(client)
        .map((m) => m.id)
        .sort(),
    ).toEqual(["m-n1", "m-r1"]);
  });
});
