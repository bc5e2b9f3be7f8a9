import { beforeAll, expect, it } from "vitest";
import type { TMessagePage } from "../../messages/schemas";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { customerWrites } from "../../testing/search-fixture";
import { listMessages } from "./list-messages";

describeEachDatabase("listMessages around a message", (ctx) => {
  const t0 = Date.parse("2026-03-01T08:00:00Z");
  let conversationId: string;
  let otherConversationId: string;
  /** Every message of the conversation, oldest first. */
  let all: string[];

  beforeAll(async () => {
    const prisma = ctx.db.prisma;
    const { id: accountId } = await createTestAccount(prisma);
    const customer = { igsid: "300001", name: "Olga", username: "olga" };
    ({ conversationId } = await customerWrites(prisma, accountId, customer, "message 0", new Date(t0)));
    // 119 more, stored in this order, their times a minute apart but every other pair swapped
    // and three sharing one instant: the thread follows the order stored, not the time shown.
    await prisma.message.createMany({
      data: Array.from({ length: 119 }, (_, i) => ({
        conversationId,
        direction: i % 3 === 0 ? ("OUTBOUND" as const) : ("INBOUND" as const),
        kind: "TEXT" as const,
        content: { text: `message ${i + 1}` },
        status: "RECEIVED" as const,
        sentAt: new Date(t0 + (i >= 9 && i <= 11 ? 10 : i % 4 === 0 ? i + 2 : i % 4 === 1 ? i : i + 1) * 60_000),
      })),
    });
    const rows = await prisma.message.findMany({
      where: { conversationId },
      orderBy: { seq: "asc" },
      select: { id: true, sentAt: true },
    });
    all = rows.map((row) => row.id);
    const byTime = [...rows].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime() || (a.id < b.id ? -1 : 1));
    expect(byTime.map((row) => row.id)).not.toEqual(all);
    ({ conversationId: otherConversationId } = await customerWrites(
      prisma,
      accountId,
      { igsid: "300002", name: "Piet", username: "piet" },
      "elsewhere",
      new Date(t0),
    ));
  });

  const list = (options: { limit: number; cursor?: string; around?: string; after?: string }, id = conversationId) =>
    listMessages(ctx.db.prisma, {
      conversationId: id,
      limit: options.limit,
      cursor: options.cursor,
      window: options.around ? { around: options.around } : options.after ? { after: options.after } : undefined,
    });
  const ids = (page: TMessagePage) => page.messages.map((m) => m.id);

  it("answers the page around an old message, newest first, with cursors both ways", async () => {
    const target = all[30] ?? "";
    const page = await list({ limit: 20, around: target });
    expect(ids(page)).toEqual(all.slice(21, 41).reverse());
    expect(ids(page)).toContain(target);
    expect(page.nextCursor).not.toBeNull();
    expect(page.newerCursor).not.toBeNull();
  });

  it("walks from there to the newest and to the oldest without gaps or repeats", async () => {
    const start = await list({ limit: 20, around: all[10] ?? "" });
    const seen = [...ids(start)];
    let newer = start.newerCursor;
    while (newer) {
      const page = await list({ limit: 20, after: newer });
      seen.unshift(...ids(page));
      newer = page.newerCursor ?? null;
    }
    let older = start.nextCursor;
    while (older) {
      const page = await list({ limit: 20, cursor: older });
      seen.push(...ids(page));
      older = page.nextCursor;
    }
    expect(seen).toEqual([...all].reverse());
  });

  it("has no newer cursor when the page reaches the newest, nor an older one at the oldest", async () => {
    const newest = await list({ limit: 20, around: all.at(-3) ?? "" });
    expect(ids(newest)[0]).toBe(all.at(-1));
    expect(newest.newerCursor).toBeNull();
    const oldest = await list({ limit: 20, around: all[1] ?? "" });
    expect(ids(oldest).at(-1)).toBe(all[0]);
    expect(oldest.nextCursor).toBeNull();
    const single = await list({ limit: 1, around: all[50] ?? "" });
    expect(ids(single)).toEqual([all[50]]);
  });

  it("answers 404 for a message of another conversation, or none", async () => {
    await expect(list({ limit: 20, around: all[5] ?? "" }, otherConversationId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(list({ limit: 20, around: "no-such-message" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(list({ limit: 20, after: "forged" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
