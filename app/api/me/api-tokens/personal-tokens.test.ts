import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/me/api-tokens/[id]/route";
import * as listRoute from "@/app/api/me/api-tokens/route";
import * as conversationRoute from "@/app/api/v1/conversations/[id]/route";
import * as overviewRoute from "@/app/api/v1/reports/overview/route";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import { ZApiTokenList, ZCreatedApiToken } from "@/lib/api-tokens/schemas";
import { setRuntime } from "@/lib/runtime";
import { seedApiShops, callApi } from "@/lib/testing/api-fixture";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, signedInCookie } from "@/lib/testing/test-runtime";

// Personal API tokens (issue 21): an agent's own, for a tool of theirs, never more than the
// agent may do, now: the accounts they work as memberships change, no team reports, nothing
// once deactivated; listed and revoked by their owner only.

describeEachDatabase("personal API tokens", (ctx) => {
  let seeded: Awaited<ReturnType<typeof seedApiShops>>;
  let agentId = "";
  let agent = "";
  let other = "";
  const request = (cookie: string, path: string, method: string, body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const none = { params: Promise.resolve({}) };
  const create = async (cookie: string, body: unknown) =>
    listRoute.POST(request(cookie, "/api/me/api-tokens", "POST", body), none);

  beforeAll(async () => {
    seeded = await seedApiShops(ctx.db);
    agent = await signedInCookie(seeded.runtime, { email: "pat@example.com", role: "agent" });
    other = await signedInCookie(seeded.runtime, { email: "sam@example.com", role: "agent" });
    agentId = (await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "pat@example.com" } })).id;
    await ctx.db.prisma.accountMember.create({ data: { accountId: seeded.shop.account.id, userId: agentId } });
  });
  afterAll(() => setRuntime(undefined));

  it("refuses what the agent may not do: team reports, an account they do not work", async () => {
    const reports = await create(agent, { name: "Mine", scopes: ["reports:read"], accounts: "all" });
    expect(reports.status).toBe(400);
    expect(JSON.stringify(await reports.json())).toContain("reports:read is for admins");
    const foreignAccount = (await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: seeded.foreign } }))
      .accountId;
    const foreign = await create(agent, { name: "Mine", scopes: ["conversations:read"], accounts: [foreignAccount] });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(await foreign.json())).toContain("not an account you work");
  });

  it("reaches only the accounts the agent works, as they are at each request, and nothing once deactivated", async () => {
    const created = await create(agent, { name: "My script", scopes: ["conversations:read"], accounts: "all" });
    expect(created.status).toBe(201);
    const { apiToken, token } = ZCreatedApiToken.parse(await created.json());
    expect(apiToken).toMatchObject({ kind: "PERSONAL", name: "My script", accounts: "all" });

    const accounts = async () =>
      (
        (await (await callApi(accountsRoute.GET, { token, path: "/accounts" })).json()) as { data: { id: string }[] }
      ).data.map((a) => a.id);
    expect(await accounts()).toEqual([seeded.shop.account.id]);
    const get = (id: string) => callApi(conversationRoute.GET, { token, path: `/conversations/${id}`, params: { id } });
    expect((await get(seeded.conversation)).status).toBe(200);
    expect((await get(seeded.foreign)).status).toBe(404);

    // Taken off the account: the token loses it at once.
    await ctx.db.prisma.accountMember.deleteMany({ where: { userId: agentId } });
    expect(await accounts()).toEqual([]);
    expect((await get(seeded.conversation)).status).toBe(404);
    await ctx.db.prisma.accountMember.create({ data: { accountId: seeded.shop.account.id, userId: agentId } });

    // Made an agent again after holding reports:read as an admin's token: no reports.
    await ctx.db.prisma.apiToken.update({
      where: { id: apiToken.id },
      data: { scopes: ["conversations:read", "reports:read"] },
    });
    const overview = await callApi(overviewRoute.GET, { token, path: "/reports/overview" });
    expect(overview.status).toBe(403);

    await ctx.db.prisma.user.update({ where: { id: agentId }, data: { banned: true } });
    const refused = await get(seeded.conversation);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(await refused.json())).toContain("owner was deactivated");
    await ctx.db.prisma.user.update({ where: { id: agentId }, data: { banned: false } });
  });

  it("lists and revokes only the owner's own tokens", async () => {
    const mine = ZApiTokenList.parse(
      await (await listRoute.GET(request(agent, "/api/me/api-tokens", "GET"), none)).json(),
    );
    expect(mine.tokens.length).toBeGreaterThan(0);
    expect(mine.tokens.every((t) => t.kind === "PERSONAL" && t.createdBy.id === agentId)).toBe(true);
    const theirs = ZApiTokenList.parse(
      await (await listRoute.GET(request(other, "/api/me/api-tokens", "GET"), none)).json(),
    );
    expect(theirs.tokens).toEqual([]);

    const id = mine.tokens[0]?.id ?? "";
    const params = { params: Promise.resolve({ id }) };
    expect((await tokenRoute.DELETE(request(other, `/api/me/api-tokens/${id}`, "DELETE"), params)).status).toBe(404);
    const revoked = await tokenRoute.DELETE(request(agent, `/api/me/api-tokens/${id}`, "DELETE"), params);
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).apiToken.revokedAt).not.toBeNull();
  });
});
