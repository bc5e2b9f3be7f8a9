import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as autoAssignRoute from "@/app/api/admin/accounts/[id]/auto-assign/route";
import * as agentsRoute from "@/app/api/conversations/[id]/agents/route";
import * as assigneeRoute from "@/app/api/conversations/[id]/assignee/route";
import * as statusRoute from "@/app/api/conversations/[id]/status/route";
import * as countsRoute from "@/app/api/conversations/counts/route";
import * as listRoute from "@/app/api/conversations/route";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { createDemoMessage } from "@/lib/server/demo/create-demo-message";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// The team routes over HTTP semantics: validation (400 with a reason), conflicts (409), access (404).

describeEachDatabase("team inbox routes", (ctx) => {
  let runtime: TRuntime;
  let admin: string;
  let agent: string;
  let conversationId: string;
  let accountId: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    admin = await signedInCookie(runtime, { email: "boss@example.com", role: "admin" });
    agent = await signedInCookie(runtime, { email: "outsider@example.com", role: "agent" });
    accountId = (await createTestAccount(ctx.db.prisma)).id;
    await createDemoMessage(ctx.db.prisma, {
      accountId,
      igsid: "9100000000000001",
      name: "Route Customer",
      username: "route.customer",
      text: "hello",
      now: new Date(),
    });
    conversationId = (await ctx.db.prisma.conversation.findFirstOrThrow({ where: { accountId } })).id;
  });
  afterAll(() => setRuntime(undefined));

  const request = (cookie: string, path: string, body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("refuses bad bodies with the reason, and a stale assignment with 409", async () => {
    const bad = await statusRoute.POST(
      request(admin, `/api/conversations/${conversationId}/status`, { status: "SNOOZED", until: "tomorrow" }),
      params(conversationId),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/date and time/);
    const unknownStatus = await statusRoute.POST(
      request(admin, `/api/conversations/${conversationId}/status`, { status: "DONE" }),
      params(conversationId),
    );
    expect(unknownStatus.status).toBe(400);

    const me = await ctx.db.prisma.user.findFirstOrThrow({ where: { email: "boss@example.com" } });
    const taken = await assigneeRoute.POST(
      request(admin, `/api/conversations/${conversationId}/assignee`, { assigneeId: me.id, expectedAssigneeId: null }),
      params(conversationId),
    );
    expect(taken.status).toBe(200);
    const stale = await assigneeRoute.POST(
      request(admin, `/api/conversations/${conversationId}/assignee`, { assigneeId: null, expectedAssigneeId: null }),
      params(conversationId),
    );
    expect(stale.status).toBe(409);
    expect(await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({
      assigneeId: me.id,
    });
  });

  it("answers 404 to an agent who is not a member, and lists and counts nothing of that account", async () => {
    for (const response of [
      await statusRoute.POST(
        request(agent, `/api/conversations/${conversationId}/status`, { status: "RESOLVED" }),
        params(conversationId),
      ),
      await agentsRoute.GET(request(agent, `/api/conversations/${conversationId}/agents`), params(conversationId)),
    ]) {
      expect(response.status).toBe(404);
    }
    const list = await listRoute.GET(request(agent, "/api/conversations?view=all"), { params: Promise.resolve({}) });
    expect((await list.json()).conversations).toEqual([]);
    const counts = await countsRoute.GET(request(agent, "/api/conversations/counts"), { params: Promise.resolve({}) });
    expect(await counts.json()).toEqual({ mine: 0, unassigned: 0, all: 0 });
    const adminCounts = await countsRoute.GET(request(admin, "/api/conversations/counts"), {
      params: Promise.resolve({}),
    });
    expect(await adminCounts.json()).toMatchObject({ all: 1, mine: 1, unassigned: 0 });
  });

  it("lets only an admin switch automatic assignment, with a limit in range", async () => {
    const path = `/api/admin/accounts/${accountId}/auto-assign`;
    expect(
      (await autoAssignRoute.POST(request(agent, path, { autoAssign: true, autoAssignLimit: 5 }), params(accountId)))
        .status,
    ).toBe(403);
    const tooMany = await autoAssignRoute.POST(
      request(admin, path, { autoAssign: true, autoAssignLimit: 100_000 }),
      params(accountId),
    );
    expect(tooMany.status).toBe(400);
    const ok = await autoAssignRoute.POST(
      request(admin, path, { autoAssign: true, autoAssignLimit: 5 }),
      params(accountId),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).account).toMatchObject({ autoAssign: true, autoAssignLimit: 5 });
  });
});
