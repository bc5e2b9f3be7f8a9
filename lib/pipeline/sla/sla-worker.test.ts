import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { runSlaRound, type TSlaRoundState } from "./run-sla-round";

// Issue 19: the SLA worker keeps due times, warns once, records each breach once.

describeEachDatabase("SLA worker", (ctx) => {
  const T0 = Date.parse("2026-01-13T09:00:00Z");
  const at = (minutes: number) => new Date(T0 + minutes * 60_000);
  let accountId: string;
  let memberIds: string[];
  let state: TSlaRoundState = { changedSince: null, sweepAfter: null };
  const round = async (minutes: number) => {
    const result = await runSlaRound(ctx.db.prisma, { now: at(minutes), state, limit: 100 });
    state = result.state;
    return result;
  };
  let n = 0;
  const conversation = async (data: { status?: "OPEN" | "RESOLVED" | "SNOOZED"; assigneeId?: string } = {}) => {
    n++;
    const contact = await ctx.db.prisma.contact.create({
      data: { accountId, igsid: `90000${n}`, name: `Customer ${n}` },
    });
    return ctx.db.prisma.conversation.create({
      data: {
        accountId,
        contactId: contact.id,
        lastMessageAt: at(0),
        lastInboundAt: at(0),
        waitingSince: at(0),
        openedAt: at(0),
        status: data.status ?? "OPEN",
        assigneeId: data.assigneeId ?? null,
        updatedAt: at(0),
      },
    });
  };
  const breaches = (conversationId: string) =>
    ctx.db.prisma.reportEvent.findMany({ where: { kind: "SLA_BREACHED", conversationId } });

  beforeAll(async () => {
    ({ id: accountId } = await createTestAccount(ctx.db.prisma, { displayName: "SLA shop" }));
    memberIds = [];
    for (const name of ["ada", "sam"]) {
      const user = await ctx.db.prisma.user.create({ data: { email: `${name}@sla.test`, name, role: "agent" } });
      await ctx.db.prisma.accountMember.create({ data: { accountId, userId: user.id } });
      memberIds.push(user.id);
    }
    // The default policy, saved before the timeline starts: 30 minutes to a first response.
    await ctx.db.prisma.slaPolicy.create({
      data: { id: "default", firstResponseMinutes: 30, resolutionMinutes: 600, updatedAt: at(-60), createdAt: at(-60) },
    });
  });

  it("gives an open conversation its due time once, and tells the list", async () => {
    const c = await conversation();
    const first = await round(1);
    const summary = first.inbox.conversations.find((s) => s.id === c.id);
    expect(summary).toMatchObject({
      slaDueAt: at(30).toISOString(),
      slaTarget: "FIRST_RESPONSE",
      slaAtRiskAt: at(22.5).toISOString(),
      slaAtRisk: false,
    });
    const again = await round(2);
    expect(again.inbox.conversations.find((s) => s.id === c.id)).toBeUndefined();
  });

  it("warns the account's members of an unassigned conversation once, 10 minutes before", async () => {
    const c = await conversation();
    await round(1);
    expect((await round(19)).warned.warnings.filter((w) => w.notice.conversationId === c.id)).toEqual([]);
    // Two instances at once: one of them warns.
    const [a, b] = await Promise.all([
      runSlaRound(ctx.db.prisma, { now: at(21), state, limit: 100 }),
      runSlaRound(ctx.db.prisma, { now: at(21), state, limit: 100 }),
    ]);
    const warned = [...a.warned.warnings, ...b.warned.warnings].filter((w) => w.notice.conversationId === c.id);
    expect(warned.map((w) => w.userId).sort()).toEqual([...memberIds].sort());
    expect(warned[0]?.notice).toMatchObject({ contactName: `Customer ${n}`, text: "First response due in 9 min" });
    expect((await round(25)).warned.warnings.filter((w) => w.notice.conversationId === c.id)).toEqual([]);
  });

  it("warns only the assignee of an assigned conversation", async () => {
    const c = await conversation({ assigneeId: memberIds[1] });
    await round(1);
    const warned = (await round(21)).warned.warnings.filter((w) => w.notice.conversationId === c.id);
    expect(warned.map((w) => w.userId)).toEqual([memberIds[1]]);
  });

  it("records a breach once at the due time, for the assignee, with the labels", async () => {
    const c = await conversation({ assigneeId: memberIds[0] });
    const label = await ctx.db.prisma.label.create({ data: { name: "vip-sla", color: "red" } });
    await ctx.db.prisma.conversationLabel.create({ data: { conversationId: c.id, labelId: label.id } });
    await round(1);
    await Promise.all([
      runSlaRound(ctx.db.prisma, { now: at(31), state, limit: 100 }),
      runSlaRound(ctx.db.prisma, { now: at(31), state, limit: 100 }),
    ]);
    await round(40);
    const events = await breaches(c.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      at: at(30),
      accountId,
      agentId: memberIds[0],
      slaMet: false,
      labelIds: [label.id],
    });
  });

  it("moves the due time when the customer is answered, and clears it when resolved", async () => {
    const c = await conversation();
    await round(1);
    await ctx.db.prisma.conversation.update({
      where: { id: c.id },
      data: { firstResponseAt: at(5), waitingSince: null, updatedAt: at(5) },
    });
    const answered = await round(6);
    expect(answered.inbox.conversations.find((s) => s.id === c.id)).toMatchObject({
      slaTarget: "RESOLUTION",
      slaDueAt: at(600).toISOString(),
    });
    await ctx.db.prisma.conversation.update({ where: { id: c.id }, data: { status: "RESOLVED", updatedAt: at(7) } });
    const resolved = await round(8);
    expect(resolved.inbox.conversations.find((s) => s.id === c.id)).toMatchObject({ slaDueAt: null, slaTarget: null });
    await round(700);
    expect(await breaches(c.id)).toEqual([]);
  });

  it("does nothing for resolved or snoozed conversations", async () => {
    const resolved = await conversation({ status: "RESOLVED" });
    const snoozed = await conversation({ status: "SNOOZED" });
    const result = await round(1);
    expect(result.inbox.conversations.map((s) => s.id)).not.toContain(resolved.id);
    expect(result.inbox.conversations.map((s) => s.id)).not.toContain(snoozed.id);
    await round(800);
    expect([...(await breaches(resolved.id)), ...(await breaches(snoozed.id))]).toEqual([]);
  });

  it("records no breach for a due time from before its policy was saved", async () => {
    const other = await createTestAccount(ctx.db.prisma, { displayName: "Late policy" });
    await ctx.db.prisma.slaPolicy.create({
      data: { accountId: other.id, firstResponseMinutes: 10, updatedAt: at(100), createdAt: at(100) },
    });
    const contact = await ctx.db.prisma.contact.create({ data: { accountId: other.id, igsid: "777" } });
    const c = await ctx.db.prisma.conversation.create({
      data: { accountId: other.id, contactId: contact.id, lastMessageAt: at(0), waitingSince: at(0), updatedAt: at(0) },
    });
    const result = await round(101);
    expect(result.inbox.conversations.find((s) => s.id === c.id)).toMatchObject({ slaDueAt: at(10).toISOString() });
    expect(await breaches(c.id)).toEqual([]);
    expect((await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: c.id } })).slaBreachedAt).toEqual(
      at(101),
    );
  });
});
