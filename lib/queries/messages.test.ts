import { describe, expect, it } from "vitest";
import { messageView } from "../testing/views";
import type { TMessageView } from "../messages/schemas";
import { failOptimistic, optimisticMessage, upsertMessage, type TMessagePages } from "./messages";

const msg = messageView;

const thread = (...pages: TMessageView[][]): TMessagePages => ({
  pages: pages.map((messages, i) => ({ messages, nextCursor: i < pages.length - 1 ? `c${i}` : null })),
  pageParams: pages.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
});
const ids = (data: TMessagePages | undefined) => data?.pages.map((p) => p.messages.map((m) => m.id));

describe("upsertMessage", () => {
  it("adds a new message at the newest end, in time order", () => {
    const data = thread([msg("b", 5), msg("a", 1)]);
    expect(ids(upsertMessage(data, msg("c", 9)))).toEqual([["c", "b", "a"]]);
    expect(ids(upsertMessage(data, msg("late", 3)))).toEqual([["b", "late", "a"]]);
  });

  it("places a message by when the inbox stored it, not by the time it carries", () => {
    // The agent's question at 10:00:00.700, the customer's answer stamped 10:00:00 by CM.
    const question = msg("question", 0, { sentAt: "2026-01-01T10:00:00.700Z", seq: 7, direction: "OUTBOUND" });
    const answer = msg("answer", 0, { sentAt: "2026-01-01T10:00:00.000Z", seq: 8 });
    expect(ids(upsertMessage(thread([question]), answer))).toEqual([["answer", "question"]]);
  });

  it("keeps this browser's unsent bubble below a message stored meanwhile", () => {
    const pending = optimisticMessage("c", { kind: "text", text: "hi" }, "k1", "Ann");
    const stored = msg("customer", 59, { sentAt: "2099-01-01T00:00:00.000Z", seq: 40 });
    expect(ids(upsertMessage(thread([pending]), stored))).toEqual([["pending:k1", "customer"]]);
  });

  it("replaces the optimistic bubble with the server's copy by clientId", () => {
    const pending = optimisticMessage("c", { kind: "text", text: "hello" }, "client-1", "Agent");
    const data = thread([pending, msg("a", 1)]);
    const server = msg("m1", 2, { direction: "OUTBOUND", status: "SENDING", clientId: "client-1" });
    const next = upsertMessage(data, server);
    expect(ids(next)).toEqual([["m1", "a"]]);
    // The second copy (event after the request answer, or the other way round) changes nothing twice.
    expect(ids(upsertMessage(next, server))).toEqual([["m1", "a"]]);
  });

  it("never goes back to an older copy of a message", () => {
    const delivered = msg("m1", 2, { status: "DELIVERED", updatedAt: "2026-01-01T10:00:09.000Z" });
    const stale = msg("m1", 2, { status: "ACCEPTED", updatedAt: "2026-01-01T10:00:05.000Z" });
    const data = thread([delivered]);
    expect(upsertMessage(data, stale)).toBe(data);
    const newer = msg("m1", 2, { status: "FAILED", updatedAt: "2026-01-01T10:00:10.000Z" });
    expect(upsertMessage(data, newer)?.pages[0]?.messages[0]?.status).toBe("FAILED");
  });

  it("updates a message on an older page in place", () => {
    const data = thread([msg("c", 9)], [msg("b", 5), msg("a", 1)]);
    const deleted = msg("a", 1, { deleted: true, content: null, updatedAt: "2026-01-01T11:00:00.000Z" });
    const next = upsertMessage(data, deleted);
    expect(ids(next)).toEqual([["c"], ["b", "a"]]);
    expect(next?.pages[1]?.messages[1]?.deleted).toBe(true);
  });
});

describe("failOptimistic", () => {
  it("marks only the pending bubble failed, retryable", () => {
    const data = thread([optimisticMessage("c", { kind: "text", text: "hi" }, "k", "Agent"), msg("a", 1)]);
    const next = failOptimistic(data, "k", "The server cannot be reached.");
    expect(next?.pages[0]?.messages[0]).toMatchObject({
      status: "FAILED",
      statusReason: "The server cannot be reached.",
      retryable: true,
    });
    expect(next?.pages[0]?.messages[1]?.status).toBe("RECEIVED");
  });
});
