import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { expectDescribed } from "@/lib/api-v1/expect-described";
import { ZV1Conversation } from "@/lib/api-v1/schemas";
import { setRuntime } from "@/lib/runtime";
import { createTeamToken } from "@/lib/server/api-tokens/api-tokens";
import { describeEachDatabase } from "@/lib/testing/databases";
import { seedApiShops } from "@/lib/testing/api-fixture";
import type { seedOutboxAccount } from "@/lib/testing/outbox-fixture";
import { TEST_APP_URL } from "@/lib/testing/test-runtime";
import * as assigneeRoute from "./assignee/route";
import * as statusRoute from "./status/route";

// Conversation state through the public API (issue 21): the inbox's own services, with the
// token as the actor: the thread's line names it, reports count no agent for it.

type THandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describeEachDatabase("the public API's conversation state", (ctx) => {
  let shop: Awaited<ReturnType<typeof seedOutboxAccount>>;
  let conversation = "";
  let foreign = "";
  let manager = { token: "", id: "" };
  let reader = "";
  let member = "";
  let outsider = "";

  const call = (handler: THandler, what: string, id: string, token: string, body: unknown) =>
    handler(
      new NextRequest(`${TEST_APP_URL}/api/v1/conversations/${id}/${what}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ id }) },
    );
  const lastLine = () =>
    ctx.db.prisma.message.findFirstOrThrow({
      where: { conversationId: conversation, kind: "SYSTEM" },
      orderBy: { seq: "desc" },
    });

  beforeAll(async () => {
    ({ shop, conversation, foreign } = await seedApiShops(ctx.db));
    const admin = shop.author.id;
    const created = await createTeamToken(
      ctx.db.prisma,
      { name: "Order system", scopes: ["conversations:write"], accounts: [shop.account.id] },
      admin,
    );
    manager = { token: created.token, id: created.apiToken.id };
    reader = (
      await createTeamToken(ctx.db.prisma, { name: "Reader", scopes: ["conversations:read"], accounts: "all" }, admin)
    ).token;
    member = (await ctx.db.prisma.user.create({ data: { email: "member@example.com", name: "Mia", role: "agent" } }))
      .id;
    outsider = (await ctx.db.prisma.user.create({ data: { email: "out@example.com", name: "Otto", role: "agent" } }))
      .id;
    await ctx.db.prisma.accountMember.create({ data: { accountId: shop.account.id, userId: member } });
  });
  afterAll(() => setRuntime(undefined));

  it("resolves, snoozes and reopens, each with a line naming the token and no agent in the reports", async () => {
    const resolved = await call(statusRoute.POST, "status", conversation, manager.token, { status: "RESOLVED" });
    expect(resolved.status).toBe(200);
    expect(ZV1Conversation.parse(await expectDescribed(resolved, "POST", "/conversations/{id}/status")).status).toBe(
      "RESOLVED",
    );
    const line = await lastLine();
    expect(line).toMatchObject({
      authorId: null,
      apiTokenId: manager.id,
      content: { event: "resolved", actorName: "Order system (API)" },
    });
    const fact = await ctx.db.prisma.reportEvent.findFirstOrThrow({
      where: { conversationId: conversation, kind: "RESOLVED" },
    });
    expect(fact.agentId).toBeNull();

    const until = new Date(Date.now() + 86_400_000).toISOString();
    const snoozed = await call(statusRoute.POST, "status", conversation, manager.token, { status: "SNOOZED", until });
    expect(ZV1Conversation.parse(await snoozed.json())).toMatchObject({ status: "SNOOZED" });
    const reopened = await call(statusRoute.POST, "status", conversation, manager.token, { status: "OPEN" });
    expect(ZV1Conversation.parse(await reopened.json()).status).toBe("OPEN");
    expect((await lastLine()).content).toMatchObject({ event: "reopened", actorName: "Order system (API)" });
  });

  it("assigns to an agent of the account, or to nobody, and refuses one who cannot see it", async () => {
    const assigned = await call(assigneeRoute.POST, "assignee", conversation, manager.token, { assigneeId: member });
    expect(
      ZV1Conversation.parse(await expectDescribed(assigned, "POST", "/conversations/{id}/assignee")),
    ).toMatchObject({
      assignee: { id: member, name: "Mia" },
    });
    expect((await lastLine()).content).toMatchObject({
      event: "assigned",
      actorName: "Order system (API)",
      assigneeName: "Mia",
    });
    const refused = await call(assigneeRoute.POST, "assignee", conversation, manager.token, { assigneeId: outsider });
    expect(refused.status).toBe(400);
    await expectDescribed(refused, "POST", "/conversations/{id}/assignee");
    const raced = await call(assigneeRoute.POST, "assignee", conversation, manager.token, {
      assigneeId: null,
      expectedAssigneeId: outsider,
    });
    expect(raced.status).toBe(409);
    await expectDescribed(raced, "POST", "/conversations/{id}/assignee");
    const released = await call(assigneeRoute.POST, "assignee", conversation, manager.token, {
      assigneeId: null,
      expectedAssigneeId: member,
    });
    expect(ZV1Conversation.parse(await released.json()).assignee).toBeNull();
  });

  it("refuses a token without conversations:write, and another account's conversation as missing", async () => {
    const refused = await call(statusRoute.POST, "status", conversation, reader, { status: "RESOLVED" });
    expect(refused.status).toBe(403);
    const hidden = await call(statusRoute.POST, "status", foreign, manager.token, { status: "RESOLVED" });
    const missing = await call(statusRoute.POST, "status", "nope", manager.token, { status: "RESOLVED" });
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
    expect((await call(assigneeRoute.POST, "assignee", foreign, manager.token, { assigneeId: null })).status).toBe(404);
    const bad = await call(statusRoute.POST, "status", conversation, manager.token, { status: "DONE" });
    expect(bad.status).toBe(400);
  });
});
