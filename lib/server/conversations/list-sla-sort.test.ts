import { beforeAll, expect, it } from "vitest";
import { compareForSort } from "../../conversations/list-membership";
import { keepSla } from "../../conversations/summary";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { conversationSummary } from "../../testing/views";
import { listConversations } from "./list-conversations";

// Issue 19: "SLA due soonest" puts the nearest due time first, overdue on top, none last.

describeEachDatabase("listConversations sorted by SLA due soonest", (ctx) => {
  const base = Date.parse("2026-01-13T09:00:00Z");
  const due = { a: 30, b: -5, c: null, d: 10, e: null } as const;

  beforeAll(async () => {
    const { id: accountId } = await createTestAccount(ctx.db.prisma);
    for (const [name, minutes] of Object.entries(due)) {
      const contact = await ctx.db.prisma.contact.create({ data: { accountId, igsid: name, name } });
      await ctx.db.prisma.conversation.create({
        data: {
          accountId,
          contactId: contact.id,
          lastMessageAt: new Date(base),
          slaDueAt: minutes === null ? null : new Date(base + minutes * 60_000),
          slaTarget: minutes === null ? null : "FIRST_RESPONSE",
        },
      });
    }
  });

  it("orders by due time, nulls last, in pages without gaps or repeats", async () => {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listConversations(ctx.db.prisma, {
        userId: "nobody",
        accountIds: null,
        limit: 2,
        cursor,
        filters: { sort: "sla" },
      });
      names.push(...page.conversations.map((c) => c.contact.igsid));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names.slice(0, 3)).toEqual(["b", "d", "a"]);
    expect(names.slice(3).sort()).toEqual(["c", "e"]);
  });

  it("carries the SLA fields in the summary", async () => {
    const page = await listConversations(ctx.db.prisma, {
      userId: "nobody",
      accountIds: null,
      limit: 1,
      filters: { sort: "sla" },
    });
    expect(page.conversations[0]).toMatchObject({
      slaDueAt: new Date(base - 5 * 60_000).toISOString(),
      slaTarget: "FIRST_RESPONSE",
    });
  });
});

it("sorts the same way in the browser, and keeps the SLA fields an event does not carry", () => {
  const held = conversationSummary("a", 1, { slaDueAt: "2026-01-13T09:30:00.000Z", slaTarget: "RESOLUTION" });
  const none = conversationSummary("b", 2, { slaDueAt: null });
  const sooner = conversationSummary("c", 3, { slaDueAt: "2026-01-13T09:10:00.000Z" });
  expect([none, held, sooner].sort(compareForSort("sla")).map((c) => c.id)).toEqual(["c", "a", "b"]);
  const { slaDueAt: _omitted, slaTarget: _also, ...event } = held;
  expect(keepSla(event, held)).toMatchObject({ slaDueAt: held.slaDueAt, slaTarget: "RESOLUTION" });
  expect(keepSla({ ...event, slaDueAt: null }, held).slaDueAt).toBeNull();
});
