import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as adminLabelRoute from "@/app/api/admin/labels/[id]/route";
import * as adminLabelsRoute from "@/app/api/admin/labels/route";
import * as assigneeRoute from "@/app/api/conversations/[id]/assignee/route";
import * as conversationLabelRoute from "@/app/api/conversations/[id]/labels/[labelId]/route";
import * as countsRoute from "@/app/api/conversations/counts/route";
import * as listRoute from "@/app/api/conversations/route";
import * as labelsRoute from "@/app/api/labels/route";
import { matchesFilters } from "@/lib/conversations/list-membership";
import { filtersFromParams } from "@/lib/conversations/schemas";
import { ZConversationPage, type TConversationSummary } from "@/lib/conversations/summary";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { CONVERSATION_NOT_FOUND } from "@/lib/server/access/assert-conversation-access";
import { createDemoMessage } from "@/lib/server/demo/create-demo-message";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// Labels over HTTP: only admins manage them (403 with the reason), names are unique whatever
// the case (409), agents label only what they may see (404 as for a missing conversation),
// labelling is idempotent, and the list filters by label exactly as the browser's mirror does.

describeEachDatabase("label routes", (ctx) => {
  let runtime: TRuntime;
  let admin: string;
  let agent: string;
  let agentId: string;
  let ours: string[];
  let theirs: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    admin = await signedInCookie(runtime, { email: "boss@example.com", role: "admin" });
    agent = await signedInCookie(runtime, { email: "sam@example.com", role: "agent" });
    agentId = (await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "sam@example.com" } })).id;
    const shop = await createTestAccount(ctx.db.prisma, { displayName: "Our shop" });
    const other = await createTestAccount(ctx.db.prisma, { displayName: "Other shop" });
    await ctx.db.prisma.accountMember.create({ data: { accountId: shop.id, userId: agentId } });
    const now = new Date();
    for (const [accountId, igsid] of [
      [shop.id, "9200000000000001"],
      [shop.id, "9200000000000002"],
      [other.id, "9200000000000003"],
    ] as const) {
      await createDemoMessage(ctx.db.prisma, {
        accountId,
        igsid,
        name: igsid,
        username: `user.${igsid}`,
        text: "hi",
        now,
      });
    }
    const conversations = await ctx.db.prisma.conversation.findMany({
      select: { id: true, accountId: true },
      orderBy: { id: "asc" },
    });
    ours = conversations.filter((c) => c.accountId === shop.id).map((c) => c.id);
    theirs = conversations.find((c) => c.accountId === other.id)?.id ?? "";
  });
  afterAll(() => setRuntime(undefined));

  const request = (cookie: string, path: string, method = "GET", body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const noParams = { params: Promise.resolve({}) };
  const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
  const create = (cookie: string, body: unknown) =>
    adminLabelsRoute.POST(request(cookie, "/api/admin/labels", "POST", body), noParams);
  const label = (cookie: string, conversationId: string, labelId: string, method: "PUT" | "DELETE") =>
    conversationLabelRoute[method](
      request(cookie, `/api/conversations/${conversationId}/labels/${labelId}`, method),
      params({ id: conversationId, labelId }),
    );

  it("lets only admins create, rename and delete labels, with a reason", async () => {
    const refused = await create(agent, { name: "VIP", color: "amber" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/only admins/i);

    const created = await create(admin, { name: "  VIP  ", color: "amber" });
    expect(created.status).toBe(200);
    const vip = (await created.json()).label;
    expect(vip).toMatchObject({ name: "VIP", color: "amber" });

    const rename = await adminLabelRoute.PATCH(
      request(agent, `/api/admin/labels/${vip.id}`, "PATCH", { name: "Gold" }),
      params({ id: vip.id }),
    );
    expect(rename.status).toBe(403);
    const remove = await adminLabelRoute.DELETE(
      request(agent, `/api/admin/labels/${vip.id}`, "DELETE"),
      params({ id: vip.id }),
    );
    expect(remove.status).toBe(403);
    expect(await ctx.db.prisma.label.findUnique({ where: { id: vip.id } })).toMatchObject({ name: "VIP" });

    // Any signed-in user lists them.
    const listed = await labelsRoute.GET(request(agent, "/api/labels"), noParams);
    expect((await listed.json()).labels).toEqual([vip]);
  });

  it("refuses a name another label has, whatever the case, and bad names and colours", async () => {
    const duplicate = await create(admin, { name: "vip", color: "red" });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error.message).toMatch(/"VIP" already/);

    const refund = (await (await create(admin, { name: "Refund", color: "red" })).json()).label;
    const clash = await adminLabelRoute.PATCH(
      request(admin, `/api/admin/labels/${refund.id}`, "PATCH", { name: "Vip" }),
      params({ id: refund.id }),
    );
    expect(clash.status).toBe(409);
    // Its own name in another case is no clash.
    const recased = await adminLabelRoute.PATCH(
      request(admin, `/api/admin/labels/${refund.id}`, "PATCH", { name: "REFUND", color: "teal" }),
      params({ id: refund.id }),
    );
    expect(recased.status).toBe(200);
    expect((await recased.json()).label).toMatchObject({ name: "REFUND", color: "teal" });

    for (const body of [
      { name: "", color: "red" },
      { name: "x".repeat(41), color: "red" },
      { name: "Neon", color: "chartreuse" },
    ]) {
      const bad = await create(admin, body);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.message).toMatch(/name|color/);
    }
    expect(await ctx.db.prisma.label.count()).toBe(2);
  });

  it("lets an agent label only conversations they can see, idempotently; an admin any", async () => {
    const vip = await ctx.db.prisma.label.findUniqueOrThrow({ where: { name: "VIP" } });
    const [first = "", second = ""] = ours;

    const hidden = await label(agent, theirs, vip.id, "PUT");
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).error.message).toBe(CONVERSATION_NOT_FOUND);
    const missing = await label(agent, "no-such-conversation", vip.id, "PUT");
    expect((await missing.json()).error.message).toBe(CONVERSATION_NOT_FOUND);

    const put = await label(agent, first, vip.id, "PUT");
    expect(put.status).toBe(200);
    const labelled: TConversationSummary = (await put.json()).conversation;
    expect(labelled.labels).toEqual([{ id: vip.id, name: "VIP", color: "amber" }]);
    const again = await label(agent, first, vip.id, "PUT");
    expect(again.status).toBe(200);
    // Nothing changed, so the conversation did not move on (no event, no new updatedAt).
    expect((await again.json()).conversation.updatedAt).toBe(labelled.updatedAt);
    expect(await ctx.db.prisma.conversationLabel.count({ where: { conversationId: first } })).toBe(1);

    const unknownLabel = await label(agent, first, "no-such-label", "PUT");
    expect(unknownLabel.status).toBe(404);
    expect((await unknownLabel.json()).error.message).toMatch(/label does not exist/);

    expect((await label(admin, theirs, vip.id, "PUT")).status).toBe(200);
    expect((await label(agent, second, vip.id, "PUT")).status).toBe(200);
    const off = await label(agent, second, vip.id, "DELETE");
    expect((await off.json()).conversation.labels).toEqual([]);
    expect((await label(agent, second, vip.id, "DELETE")).status).toBe(200);
    expect(await ctx.db.prisma.conversationLabel.count()).toBe(2);
  });

  it("filters the list by label as the browser's mirror does, and the counts still answer", async () => {
    const vip = await ctx.db.prisma.label.findUniqueOrThrow({ where: { name: "VIP" } });
    const user = { userId: agentId, now: new Date() };
    const all = ZConversationPage.parse(
      await (await listRoute.GET(request(agent, "/api/conversations?status=all"), noParams)).json(),
    ).conversations;
    expect(all.map((c) => c.id).sort()).toEqual([...ours].sort());

    const query = `status=all&label=${vip.id}`;
    const filtered = ZConversationPage.parse(
      await (await listRoute.GET(request(agent, `/api/conversations?${query}`), noParams)).json(),
    ).conversations;
    expect(filtered.map((c) => c.id)).toEqual([ours[0]]);
    const filters = filtersFromParams(new URLSearchParams(query));
    expect(all.filter((c) => matchesFilters(c, filters, user)).map((c) => c.id)).toEqual([ours[0]]);

    const adminFiltered = ZConversationPage.parse(
      await (await listRoute.GET(request(admin, `/api/conversations?${query}`), noParams)).json(),
    ).conversations;
    expect(adminFiltered.map((c) => c.id).sort()).toEqual([ours[0], theirs].sort());

    const counts = await countsRoute.GET(request(agent, "/api/conversations/counts"), noParams);
    expect(await counts.json()).toEqual({ mine: 0, unassigned: 2, all: 2 });
  });

  it("keeps the labels in what other changes of the conversation answer and announce", async () => {
    const assigned = await assigneeRoute.POST(
      request(agent, `/api/conversations/${ours[0]}/assignee`, "POST", { assigneeId: agentId }),
      params({ id: ours[0] ?? "" }),
    );
    expect(assigned.status).toBe(200);
    expect((await assigned.json()).conversation.labels.map((l: { name: string }) => l.name)).toEqual(["VIP"]);
  });

  it("takes a deleted label off every conversation", async () => {
    const vip = await ctx.db.prisma.label.findUniqueOrThrow({ where: { name: "VIP" } });
    const deleted = await adminLabelRoute.DELETE(
      request(admin, `/api/admin/labels/${vip.id}`, "DELETE"),
      params({ id: vip.id }),
    );
    expect(deleted.status).toBe(200);
    expect(await ctx.db.prisma.conversationLabel.count()).toBe(0);
    const list = ZConversationPage.parse(
      await (await listRoute.GET(request(admin, "/api/conversations?status=all"), noParams)).json(),
    ).conversations;
    expect(list.flatMap((c) => c.labels)).toEqual([]);
    const again = await adminLabelRoute.DELETE(
      request(admin, `/api/admin/labels/${vip.id}`, "DELETE"),
      params({ id: vip.id }),
    );
    expect(again.status).toBe(404);
  });
});
