import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { startWebhookServer } from "../../testing/webhook-server";
import { accessibleAccountIds } from "../access/account-access";
import { sendMessage } from "../messages/send-message";
import { assignConversation, type TActor } from "./assign-conversation";
import { autoAssign } from "./auto-assign";
import { countViews } from "./count-views";
import { listConversations } from "./list-conversations";
import { setConversationStatus } from "./set-conversation-status";
import { wakeSnoozed } from "./wake-snoozed";

// Issue 9: ownership and status rules, views and filters, and who sees what.

describeEachDatabase("team inbox rules", (ctx) => {
  let account: Awaited<ReturnType<typeof createTestAccount>>;
  let other: Awaited<ReturnType<typeof createTestAccount>>;
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  const users = {} as Record<"ada" | "sam" | "zoe" | "admin", { id: string; name: string; role: string }>;
  // The actor as the routes pass it, with the accounts they may see (for the list functions).
  const actor = async (who: keyof typeof users): Promise<TActor & { accountIds: string[] | null }> => ({
    ...users[who],
    accountIds: await accessibleAccountIds(ctx.db.prisma, users[who]),
  });
  let n = 0;
  const start = Date.now() - 10 * 60_000;
  const customerWrites = async (
    target: { id: string; igAccountId: string; webhookSecret: string },
    igsid: string,
    text: string,
  ) => {
    n++;
    const answer = await server.post(target.webhookSecret, "messages", {
      from: { number: igsid, name: `Customer ${igsid}` },
      to: { number: target.igAccountId },
      message: { text, custom: { mid: `mid-${igsid}-${n}` } },
      // A second apart, in the recent past (CM's times have seconds only).
      timeUtc: new Date(start + n * 1000).toISOString().slice(0, 19),
      channel: "Instagram",
    });
    expect(answer.status).toBe(200);
    await server.drain();
    return ctx.db.prisma.conversation.findFirstOrThrow({
      where: { accountId: target.id, contact: { igsid } },
      include: { assignee: true },
    });
  };
  const thread = (conversationId: string) =>
    // In the order things happened here (customers' times are CM's, lines' ours).
    ctx.db.prisma.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: "asc" }, { sentAt: "asc" }] });

  beforeAll(async () => {
    account = await createTestAccount(ctx.db.prisma, { displayName: "Shop A" });
    other = await createTestAccount(ctx.db.prisma, { displayName: "Shop B" });
    server = await startWebhookServer(ctx.db);
    for (const [key, role] of [
      ["ada", "agent"],
      ["sam", "agent"],
      ["zoe", "agent"],
      ["admin", "admin"],
    ] as const) {
      const name = key === "admin" ? "Admin" : key[0]!.toUpperCase() + key.slice(1);
      users[key] = await ctx.db.prisma.user.create({ data: { email: `${key}@test.local`, name, role } });
    }
    // Ada and Sam work Shop A; Zoe works Shop B only.
    await ctx.db.prisma.accountMember.createMany({
      data: [
        { accountId: account.id, userId: users.ada.id },
        { accountId: account.id, userId: users.sam.id },
        { accountId: other.id, userId: users.zoe.id },
      ],
    });
    return () => server.close();
  });

  it("resolving, then a customer message, reopens the conversation with a system line", async () => {
    const conversation = await customerWrites(account, "8100000000000001", "hello");
    expect(conversation.status).toBe("OPEN");
    const resolved = await setConversationStatus(ctx.db.prisma, {
      conversationId: conversation.id,
      actor: await actor("sam"),
      change: { status: "RESOLVED" },
    });
    expect(resolved.conversation.status).toBe("RESOLVED");
    expect(resolved.effects.createdMessages.map((m) => m.content)).toEqual([{ event: "resolved", actorName: "Sam" }]);

    const reopened = await customerWrites(account, "8100000000000001", "one more thing");
    expect(reopened.status).toBe("OPEN");
    const lines = (await thread(conversation.id)).map((m) =>
      m.direction === "INTERNAL" ? (m.content as { event: string }).event : (m.content as { text: string }).text,
    );
    expect(lines).toEqual(["hello", "resolved", "one more thing", "reopened"]);
    const reason = (await thread(conversation.id)).at(-1)?.content;
    expect(reason).toMatchObject({ event: "reopened", reason: "customer_wrote", actorName: null });
  });

  it("a snoozed conversation wakes once at its time (injected clock), or at once when the customer writes", async () => {
    const conversation = await customerWrites(account, "8100000000000002", "later please");
    const t0 = new Date();
    const until = new Date(t0.getTime() + 60 * 60_000);
    await setConversationStatus(ctx.db.prisma, {
      conversationId: conversation.id,
      actor: await actor("ada"),
      change: { status: "SNOOZED", until: until.toISOString() },
      now: t0,
    });
    expect((await wakeSnoozed(ctx.db.prisma, { now: new Date(until.getTime() - 1000) })).conversations).toEqual([]);
    // Two instances at the same moment: it wakes once.
    const [a, b] = await Promise.all([
      wakeSnoozed(ctx.db.prisma, { now: until }),
      wakeSnoozed(ctx.db.prisma, { now: until }),
    ]);
    expect([...a.conversations, ...b.conversations].map((c) => [c.id, c.status])).toEqual([[conversation.id, "OPEN"]]);
    expect((await thread(conversation.id)).filter((m) => m.kind === "SYSTEM").map((m) => m.content)).toEqual([
      { event: "snoozed", actorName: "Ada", until: until.toISOString() },
      { event: "woke", actorName: null },
    ]);

    await setConversationStatus(ctx.db.prisma, {
      conversationId: conversation.id,
      actor: await actor("ada"),
      change: { status: "SNOOZED", until: until.toISOString() },
      now: t0,
    });
    expect((await customerWrites(account, "8100000000000002", "actually now")).status).toBe("OPEN");
    expect((await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).snoozedUntil).toBe(
      null,
    );
  });

  it("refuses a snooze in the past", async () => {
    const conversation = await customerWrites(account, "8100000000000003", "hi");
    await expect(
      setConversationStatus(ctx.db.prisma, {
        conversationId: conversation.id,
        actor: await actor("ada"),
        change: { status: "SNOOZED", until: new Date(Date.now() - 1000).toISOString() },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("assigns, refuses a stale reassignment (409) and an assignee who cannot see the account", async () => {
    const conversation = await customerWrites(account, "8100000000000004", "who helps me?");
    const mine = await assignConversation(ctx.db.prisma, {
      conversationId: conversation.id,
      actor: await actor("ada"),
      assigneeId: users.ada.id,
      expectedAssigneeId: null,
    });
    expect(mine.conversation.assignee).toEqual({ id: users.ada.id, name: "Ada" });
    // Sam still saw it unassigned: his "Assign to me" must not take it from Ada silently.
    await expect(
      assignConversation(ctx.db.prisma, {
        conversationId: conversation.id,
        actor: await actor("sam"),
        assigneeId: users.sam.id,
        expectedAssigneeId: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Having seen Ada hold it (and confirmed), he may.
    const taken = await assignConversation(ctx.db.prisma, {
      conversationId: conversation.id,
      actor: await actor("sam"),
      assigneeId: users.sam.id,
      expectedAssigneeId: users.ada.id,
    });
    expect(taken.conversation.assignee?.name).toBe("Sam");
    await expect(
      assignConversation(ctx.db.prisma, {
        conversationId: conversation.id,
        actor: await actor("sam"),
        assigneeId: users.zoe.id,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Zoe cannot even see it: 404, as for a conversation that does not exist.
    await expect(
      assignConversation(ctx.db.prisma, {
        conversationId: conversation.id,
        actor: await actor("zoe"),
        assigneeId: users.zoe.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unassigned = await assignConversation(ctx.db.prisma, {
      conversationId: conversation.id,
      actor: await actor("admin"),
      assigneeId: null,
    });
    expect(unassigned.conversation.assignee).toBeNull();
    expect((await thread(conversation.id)).filter((m) => m.kind === "SYSTEM").map((m) => m.content)).toEqual([
      { event: "assigned", actorName: "Ada", assigneeName: "Ada" },
      { event: "assigned", actorName: "Sam", assigneeName: "Sam" },
      { event: "unassigned", actorName: "Admin", assigneeName: "Sam" },
    ]);
  });

  it("auto-assigns to the online member with the fewest open conversations, up to the limit", async () => {
    const shop = await createTestAccount(ctx.db.prisma, { displayName: "Shop C" });
    await ctx.db.prisma.accountMember.createMany({
      data: [
        { accountId: shop.id, userId: users.ada.id },
        { accountId: shop.id, userId: users.sam.id },
        { accountId: shop.id, userId: users.zoe.id },
      ],
    });
    const first = await customerWrites(shop, "8200000000000001", "a");
    const online = new Set([users.ada.id, users.sam.id]);
    // Off by default: nothing happens.
    expect(
      (await autoAssign(ctx.db.prisma, { conversationId: first.id, online, now: new Date() })).conversations,
    ).toEqual([]);
    await ctx.db.prisma.instagramAccount.update({
      where: { id: shop.id },
      data: { autoAssign: true, autoAssignLimit: 3 },
    });
    // Ada already holds two open conversations (on Shop A), Sam holds one open and one resolved.
    const held = [];
    for (const igsid of ["8200000000000101", "8200000000000102", "8200000000000103", "8200000000000104"]) {
      held.push(await customerWrites(account, igsid, "x"));
    }
    const ids = held.map((c) => c.id);
    await ctx.db.prisma.conversation.updateMany({
      where: { id: { in: ids.slice(0, 2) } },
      data: { assigneeId: users.ada.id },
    });
    await ctx.db.prisma.conversation.update({ where: { id: ids[2] }, data: { assigneeId: users.sam.id } });
    await ctx.db.prisma.conversation.update({
      where: { id: ids[3] },
      data: { assigneeId: users.sam.id, status: "RESOLVED" },
    });

    const picked = await autoAssign(ctx.db.prisma, { conversationId: first.id, online, now: new Date() });
    expect(picked.conversations.map((c) => c.assignee?.name)).toEqual(["Sam"]);
    expect(picked.createdMessages.map((m) => m.content)).toEqual([
      { event: "assigned", actorName: null, assigneeName: "Sam" },
    ]);
    // Sam now holds 2, Ada 2: a tie goes to the first by id; then each gets one more up to 3, then nobody has room.
    const names: (string | null)[] = [];
    for (const igsid of ["8200000000000002", "8200000000000003", "8200000000000004"]) {
      const conversation = await customerWrites(shop, igsid, "b");
      const result = await autoAssign(ctx.db.prisma, { conversationId: conversation.id, online, now: new Date() });
      names.push(result.conversations[0]?.assignee?.name ?? null);
    }
    const firstById = [users.ada, users.sam].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!.name;
    expect(names.slice(0, 2).sort()).toEqual(["Ada", "Sam"]);
    expect(names[0]).toBe(firstById);
    expect(names[2]).toBeNull();
    // Zoe is a member but offline: never picked.
    expect(names).not.toContain("Zoe");
  });

  it("lists views and filters, counts open conversations per view, and shows agents only their accounts", async () => {
    const other1 = await customerWrites(other, "8300000000000001", "on shop B");
    const ada = await actor("ada");
    const zoe = await actor("zoe");
    const list = async (
      who: { id: string; accountIds: string[] | null },
      filters: Parameters<typeof listConversations>[1]["filters"],
    ) =>
      (await listConversations(ctx.db.prisma, { userId: who.id, accountIds: who.accountIds, limit: 100, filters }))
        .conversations;

    // Zoe works Shop B and Shop C (from the auto-assignment test), never Shop A.
    const zoes = await list(zoe, {});
    expect(zoes.map((c) => c.id)).toContain(other1.id);
    expect(new Set(zoes.map((c) => c.accountName))).toEqual(new Set(["Shop B", "Shop C"]));
    expect((await list(ada, {})).map((c) => c.accountName)).not.toContain("Shop B");
    const adminAll = await list(await actor("admin"), {});
    expect(adminAll.map((c) => c.id)).toContain(other1.id);

    const mineOpen = await list(ada, { view: "mine" });
    expect(mineOpen.length).toBeGreaterThan(0);
    expect(mineOpen.every((c) => c.assignee?.id === ada.id && c.status === "OPEN")).toBe(true);
    const unassigned = await list(ada, { view: "unassigned" });
    expect(unassigned.every((c) => c.assignee === null)).toBe(true);
    const resolved = await list(ada, { status: "resolved" });
    expect(resolved.length).toBeGreaterThan(0);
    expect(resolved.every((c) => c.status === "RESOLVED")).toBe(true);

    const counts = await countViews(ctx.db.prisma, { userId: ada.id, accountIds: ada.accountIds });
    const allOpen = await list(ada, { view: "all", status: "open" });
    expect(counts).toEqual({
      mine: mineOpen.length,
      unassigned: unassigned.length,
      all: allOpen.length,
    });
    expect(await countViews(ctx.db.prisma, { userId: zoe.id, accountIds: zoe.accountIds, account: other.id })).toEqual({
      mine: 0,
      unassigned: 1,
      all: 1,
    });

    // Reply window filters: every test conversation's customer wrote within the last minutes.
    expect((await list(ada, { window: "closed" })).length).toBe(0);
    expect((await list(ada, { window: "open" })).length).toBe(allOpen.length);
    const later = new Date(Date.now() + 23.5 * 60 * 60_000);
    const closing = await listConversations(ctx.db.prisma, {
      userId: ada.id,
      accountIds: ada.accountIds,
      limit: 100,
      filters: { window: "closing" },
      now: later,
    });
    expect(closing.conversations.length).toBe(allOpen.length);
  });

  it("sorts by waiting longest (an agent's reply ends the wait) and by window closing soonest, in stable pages", async () => {
    const shop = await createTestAccount(ctx.db.prisma, { displayName: "Shop D" });
    const c1 = await customerWrites(shop, "8400000000000001", "first");
    const c2 = await customerWrites(shop, "8400000000000002", "second");
    const c3 = await customerWrites(shop, "8400000000000003", "third");
    await customerWrites(shop, "8400000000000001", "first again");
    expect(c1.waitingSince).not.toBeNull();
    await sendMessage(ctx.db.prisma, {
      conversationId: c2.id,
      authorId: users.ada.id,
      content: { kind: "text", text: "on it" },
      takeBack: false,
      now: new Date(),
    });
    const page = (filters: Parameters<typeof listConversations>[1]["filters"], cursor?: string) =>
      listConversations(ctx.db.prisma, {
        userId: users.admin.id,
        accountIds: null,
        limit: 1,
        cursor,
        filters: { ...filters, account: shop.id },
      });
    const walk = async (filters: Parameters<typeof listConversations>[1]["filters"]) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const p = await page(filters, cursor);
        ids.push(...p.conversations.map((c) => c.id));
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    // c2 was answered: nobody waits there. c1 waits since its first message, before c3.
    expect(await walk({ sort: "waiting" })).toEqual([c1.id, c3.id]);
    // Windows close in the order the customers last wrote: c2, c3, then c1 (wrote again).
    expect(await walk({ sort: "closing" })).toEqual([c2.id, c3.id, c1.id]);
    // Newest activity: the agent's reply (now) is newer than the customers' messages.
    expect(await walk({ sort: "newest" })).toEqual([c2.id, c1.id, c3.id]);
  });
});
