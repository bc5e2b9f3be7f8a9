import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ZMembershipList } from "@/lib/access/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { GET, PUT } from "./route";

describeEachDatabase("account memberships (admin API)", (ctx) => {
  let runtime: TRuntime;
  const cookies = { admin: "", agent: "" };
  let agentId = "";
  let adminId = "";
  let accountId = "";

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    cookies.admin = await signedInCookie(runtime, { email: "boss@example.com", role: "admin" });
    cookies.agent = await signedInCookie(runtime, { email: "sam@example.com", role: "agent" });
    agentId = (await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "sam@example.com" } })).id;
    adminId = (await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "boss@example.com" } })).id;
    accountId = (await createTestAccount(ctx.db.prisma, { displayName: "Shoe shop" })).id;
  });
  afterAll(() => setRuntime(undefined));

  const request = (method: string, cookie: string, body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}/api/admin/memberships`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
  const noParams = { params: Promise.resolve({}) };
  const put = (body: unknown, cookie = cookies.admin) => PUT(request("PUT", cookie, body), noParams);
  const list = async () => ZMembershipList.parse(await (await GET(request("GET", cookies.admin), noParams)).json());
  const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error;

  it("adds and removes an agent's membership; saying it twice changes nothing", async () => {
    expect((await list()).memberships).toEqual([]);

    for (let i = 0; i < 2; i++) {
      const added = await put({ accountId, userId: agentId, member: true });
      expect(added.status).toBe(200);
      expect(await added.json()).toEqual({ membership: { accountId, userId: agentId, member: true } });
    }
    expect((await list()).memberships).toEqual([{ accountId, userId: agentId }]);

    for (let i = 0; i < 2; i++) expect((await put({ accountId, userId: agentId, member: false })).status).toBe(200);
    expect((await list()).memberships).toEqual([]);
  });

  it("answers 400 with the reason for a body of the wrong shape", async () => {
    const missing = await put({ accountId });
    expect(missing.status).toBe(400);
    const { message } = await errorOf(missing);
    expect(message).toContain("userId");
    expect(message).toContain("member");

    const notBoolean = await put({ accountId, userId: agentId, member: "yes" });
    expect(notBoolean.status).toBe(400);
    expect((await errorOf(notBoolean)).message).toContain("member: must be true (add) or false (remove)");

    const blank = await put({ accountId: " ", userId: agentId, member: true });
    expect(blank.status).toBe(400);
    expect((await errorOf(blank)).message).toContain("accountId: must name an account");

    expect((await put("{not json")).status).toBe(400);
    expect((await list()).memberships).toEqual([]);
  });

  it("answers 404 for an unknown account or agent, 409 for an admin (admins see every account)", async () => {
    const noAccount = await put({ accountId: "missing", userId: agentId, member: true });
    expect(noAccount.status).toBe(404);
    expect((await errorOf(noAccount)).message).toBe("This account does not exist (any more).");

    const noAgent = await put({ accountId, userId: "missing", member: true });
    expect(noAgent.status).toBe(404);
    expect((await errorOf(noAgent)).message).toBe("This agent does not exist (any more).");

    const admin = await put({ accountId, userId: adminId, member: true });
    expect(admin.status).toBe(409);
    expect((await errorOf(admin)).message).toBe("boss is an admin: admins see every account and are not members.");
    expect((await list()).memberships).toEqual([]);
  });

  it("is for admins only: an agent can neither read nor change memberships", async () => {
    expect((await GET(request("GET", cookies.agent), noParams)).status).toBe(403);
    expect((await put({ accountId, userId: agentId, member: true }, cookies.agent)).status).toBe(403);
    expect((await list()).memberships).toEqual([]);
  });
});
