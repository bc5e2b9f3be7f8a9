import { describe, expect, it } from "vitest";
import { inboundEffects, type TInboundRow } from "./inbound-effects";

const at = (second: number) => new Date(`2026-01-10T13:05:${String(second).padStart(2, "0")}Z`);

/** A row as the statement returns it: a message written and its conversation as it is now. */
function row(messageId: string, overrides: Partial<TInboundRow> = {}): TInboundRow {
  return {
    messageId,
    conversationId: "conv-1",
    direction: "INBOUND",
    kind: "TEXT",
    content: { text: messageId },
    deletedAt: null,
    status: "RECEIVED",
    statusReason: null,
    retryable: false,
    attempts: 0,
    nextAttemptAt: null,
    maybeDuplicate: false,
    clientId: null,
    sentAt: at(1),
    seq: "1",
    updatedAt: at(30),
    accountId: "acc-1",
    accountName: "Shop",
    igsid: "6100000000000001",
    name: "Jo",
    username: "jo.one",
    lastMessageAt: at(3),
    lastMessagePreview: "newest",
    lastInboundAt: at(3),
    handoverUntil: null,
    conversationStatus: "OPEN",
    snoozedUntil: null,
    waitingSince: at(1),
    assigneeId: null,
    assigneeName: null,
    conversationUpdatedAt: at(30),
    labels: [],
    ...overrides,
  };
}

const reopened = (conversationId: string) =>
  row("line", { conversationId, direction: "INTERNAL", kind: "SYSTEM", content: { event: "reopened" } });

describe("the effects of the rows intake wrote", () => {
  it("lists the customers' messages in the order they arrived, then the Reopened lines", () => {
    const rows = [row("m2", { seq: "7" }), reopened("conv-1"), row("m3", { seq: "8" }), row("m1", { seq: "6" })];
    const effects = inboundEffects(rows, [{ id: "m1" }, { id: "m2" }, { id: "m3" }]);
    expect(effects.createdMessages.map((m) => [m.id, m.seq])).toEqual([
      ["m1", 6],
      ["m2", 7],
      ["m3", 8],
      ["line", 1],
    ]);
    expect(effects.createdMessages.map((m) => m.authorName)).toEqual([null, null, null, null]);
  });

  it("announces each conversation once, as its last row says, in the order conversations first appear", () => {
    const rows = [
      row("a1", { conversationId: "conv-a", lastMessagePreview: "old" }),
      row("b1", { conversationId: "conv-b", accountId: "acc-2", accountName: "Other" }),
      row("a2", { conversationId: "conv-a", lastMessagePreview: "newest" }),
    ];
    const { conversations } = inboundEffects(rows, [{ id: "a1" }, { id: "b1" }, { id: "a2" }]);
    expect(conversations.map((c) => [c.id, c.accountName, c.lastMessagePreview])).toEqual([
      ["conv-a", "Shop", "newest"],
      ["conv-b", "Other", "newest"],
    ]);
  });

  it("maps the conversation's columns to its summary: assignee, labels, times in ISO", () => {
    const label = { id: "l1", name: "VIP", color: "red" };
    const [summary] = inboundEffects(
      [row("m1", { assigneeId: "u1", assigneeName: "Ann", labels: [{ label }], handoverUntil: at(50) })],
      [{ id: "m1" }],
    ).conversations;
    expect(summary).toMatchObject({
      accountId: "acc-1",
      contact: { igsid: "6100000000000001", name: "Jo", username: "jo.one" },
      assignee: { id: "u1", name: "Ann" },
      labels: [label],
      status: "OPEN",
      lastInboundAt: "2026-01-10T13:05:03.000Z",
      handoverUntil: "2026-01-10T13:05:50.000Z",
      waitingSince: "2026-01-10T13:05:01.000Z",
      unreadCount: null,
    });
    const [unassigned] = inboundEffects([row("m1", { assigneeName: "ignored" })], [{ id: "m1" }]).conversations;
    expect(unassigned?.assignee).toBeNull();
  });

  it("hides the content of a message deleted before it was stored", () => {
    const [message] = inboundEffects([row("m1", { deletedAt: at(4) })], [{ id: "m1" }]).createdMessages;
    expect(message).toMatchObject({ id: "m1", deleted: true, content: null });
  });

  it("refuses rows that miss a message sent (the transaction must not commit)", () => {
    expect(() => inboundEffects([row("m1"), reopened("conv-1")], [{ id: "m1" }, { id: "m2" }])).toThrow(
      "stored 1 of 2 messages",
    );
  });
});
