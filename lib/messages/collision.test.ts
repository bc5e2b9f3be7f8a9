import { describe, expect, it } from "vitest";
import { describeCollision, findCollisions, newestSeq } from "./collision";
import type { TMessageView } from "./schemas";
import { UNSTORED_SEQ } from "./thread-order";

const ME = "u-me";
let next = 0;
function message(change: Partial<TMessageView>): TMessageView {
  next += 1;
  return {
    id: `m${next}`,
    conversationId: "c1",
    direction: "OUTBOUND",
    kind: "TEXT",
    content: { text: `message ${next}` },
    deleted: false,
    status: "DELIVERED",
    statusReason: null,
    retryable: false,
    attempts: 1,
    nextAttemptAt: null,
    maybeDuplicate: false,
    authorName: "Sam",
    authorId: "u-sam",
    sentAt: "2026-12-04T10:00:00.000Z",
    seq: next,
    updatedAt: "2026-12-04T10:00:00.000Z",
    clientId: null,
    ...change,
  };
}

describe("newestSeq", () => {
  it("is the newest stored message's, ignoring bubbles still being sent", () => {
    expect(newestSeq([])).toBe(0);
    expect(newestSeq([message({ seq: 4 }), message({ seq: 9 }), message({ seq: UNSTORED_SEQ })])).toBe(9);
  });
});

describe("findCollisions", () => {
  it("finds what another agent sent to the customer after the draft was started, oldest first", () => {
    const thread = [
      message({ seq: 10, authorId: "u-sam" }),
      message({ seq: 11, direction: "INBOUND", authorId: null, authorName: null }),
      message({ seq: 14, authorId: "u-ada", authorName: "Ada" }),
      message({ seq: 12, authorId: "u-sam" }),
    ];
    expect(findCollisions(thread, { since: 10, me: ME }).map((m) => m.seq)).toEqual([12, 14]);
  });

  it("ignores this agent's own messages, the customer's, notes and lines for agents, and cancelled sends", () => {
    const thread = [
      message({ seq: 20, authorId: ME }),
      message({ seq: UNSTORED_SEQ, authorId: undefined, id: "pending:x" }),
      message({ seq: 21, direction: "INBOUND", authorId: null }),
      message({ seq: 22, direction: "INTERNAL", kind: "NOTE", content: { text: "hm", mentions: [] } }),
      message({ seq: 23, status: "CANCELLED" }),
    ];
    expect(findCollisions(thread, { since: 19, me: ME })).toEqual([]);
  });

  it("counts a message sent from outside this inbox (no author) as someone else's", () => {
    const outside = message({ seq: 31, authorId: null, authorName: null });
    expect(findCollisions([outside], { since: 30, me: ME })).toEqual([outside]);
  });
});

describe("describeCollision", () => {
  it("shows the text, or what kind of rich message was sent", () => {
    expect(describeCollision(message({ content: { text: "We refunded you" } }))).toBe("We refunded you");
    expect(describeCollision(message({ kind: "RICH_CARD", content: { card: { header: "Summer sale" } } }))).toBe(
      "🗂 Summer sale",
    );
    expect(describeCollision(message({ kind: "IMAGE", content: { image: { url: "https://x/y.png" } } }))).toBe(
      "📷 Photo",
    );
  });
});
