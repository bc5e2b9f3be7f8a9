import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { listConversations } from "./list-conversations";
import { createDemoMessage } from "../demo/create-demo-message";
import { createTestAccount } from "../../testing/factories";

describeEachDatabase("listConversations", (ctx) => {
  const base = Date.parse("2026-01-01T10:00:00Z");

  beforeAll(async () => {
    const { id: accountId } = await createTestAccount(ctx.db.prisma);
    // Five customers writing a minute apart; the third writes again last.
    for (let i = 0; i < 5; i++) {
      await createDemoMessage(ctx.db.prisma, {
        accountId,
        igsid: `10000${i}`,
        name: `Customer ${i}`,
        username: `customer${i}`,
        text: `hello ${i}`,
        now: new Date(base + i * 60_000),
      });
    }
    await createDemoMessage(ctx.db.prisma, {
      accountId,
      igsid: "100002",
      name: "Customer 2",
      username: "customer2",
      text: "are you there?",
      now: new Date(base + 10 * 60_000),
    });
  });

  it("sorts by latest activity and keeps one conversation per customer", async () => {
    const page = await listConversations(ctx.db.prisma, { userId: "nobody", accountIds: null, limit: 10 });
    expect(page.conversations.map((c) => c.contact.igsid)).toEqual(["100002", "100004", "100003", "100001", "100000"]);
    expect(page.conversations[0]?.lastMessagePreview).toBe("are you there?");
    expect(page.nextCursor).toBeNull();
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const first = await listConversations(ctx.db.prisma, { userId: "nobody", accountIds: null, limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const second = await listConversations(ctx.db.prisma, {
      userId: "nobody",
      accountIds: null,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    const third = await listConversations(ctx.db.prisma, {
      userId: "nobody",
      accountIds: null,
      limit: 2,
      cursor: second.nextCursor ?? undefined,
    });
    const ids = [...first.conversations, ...second.conversations, ...third.conversations].map((c) => c.contact.igsid);
    expect(ids).toEqual(["100002", "100004", "100003", "100001", "100000"]);
    expect(third.nextCursor).toBeNull();
  });

  it("rejects a forged cursor with a clear error", async () => {
    await expect(
      listConversations(ctx.db.prisma, { userId: "nobody", accountIds: null, limit: 2, cursor: "nonsense" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The cursor is not valid.",
    });
  });
});
