import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as tokensRoute from "@/app/api/admin/api-tokens/route";
import * as tokenRoute from "@/app/api/admin/api-tokens/[id]/route";
import type { TCreateApiToken } from "@/lib/api-tokens/schemas";
import { expectDescribed } from "@/lib/api-v1/expect-described";
import { ZV1AccountList, ZV1Conversation, ZV1ConversationList } from "@/lib/api-v1/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { seedOutboxAccount } from "@/lib/testing/outbox-fixture";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import * as accountsRoute from "./accounts/route";
import * as conversationRoute from "./conversations/[id]/route";
import * as conversationsRoute from "./conversations/route";

// The public API (issue 21) driven as an integrator drives it: with API tokens only, never a
// cookie. Tokens are created and revoked through the admin's routes, as Admin → API tokens does.

type THandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describeEachDatabase("the public API, v1", (ctx) => {
  let runtime: TRuntime;
  let adminCookie = "";
  let shop: Awaited<ReturnType<typeof seedOutboxAccount>>;
  let other: Awaited<ReturnType<typeof seedOutboxAccount>>;
  let shopConversation = "";
  let otherConversation = "";

  const asAdmin = async (handler: THandler, method: string, path: string, body?: unknown, id = "") =>
    handler(
      new NextRequest(`${TEST_APP_URL}${path}`, {
        method,
        headers: { cookie: adminCookie, "content-type": "application/json", origin: TEST_APP_URL },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      { params: Promise.resolve({ id }) },
    );
  const createToken = async (input: TCreateApiToken) => {
    const response = await asAdmin(tokensRoute.POST, "POST", "/api/admin/api-tokens", input);
    expect(response.status).toBe(201);
    return (await response.json()) as { apiToken: { id: string; prefix: string }; token: string };
  };
  const api = (handler: THandler, path: string, authorization?: string, params: Record<string, string> = {}) =>
    handler(
      new NextRequest(`${TEST_APP_URL}${path}`, {
        headers: authorization === undefined ? {} : { authorization },
      }),
      { params: Promise.resolve(params) },
    );
  const bearer = (token: string) => `Bearer ${token}`;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db, { apiRateLimit: 5 });
    setRuntime(runtime);
    adminCookie = await signedInCookie(runtime, { email: "admin@example.com", role: "admin" });
    shop = await seedOutboxAccount(ctx.db.prisma, "http://127.0.0.1:1");
    other = await seedOutboxAccount(ctx.db.prisma, "http://127.0.0.1:1");
    ({ conversationId: shopConversation } = await shop.startConversation());
    ({ conversationId: otherConversation } = await other.startConversation());
  });
  afterAll(() => setRuntime(undefined));

  it("refuses a request without a token, with a wrong one, and never reads a session cookie", async () => {
    const none = await api(accountsRoute.GET, "/api/v1/accounts");
    expect(none.status).toBe(401);
    await expectDescribed(none, "GET", "/accounts");
    expect(await none.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: /Authorization: Bearer/ } });
    expect((await api(accountsRoute.GET, "/api/v1/accounts", "Basic abc")).status).toBe(401);
    const wrong = await api(accountsRoute.GET, "/api/v1/accounts", bearer("igi_not-a-token"));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { message: /not valid/ } });
    // An admin's session is no credential here.
    const withCookie = await accountsRoute.GET(
      new NextRequest(`${TEST_APP_URL}/api/v1/accounts`, { headers: { cookie: adminCookie } }),
      { params: Promise.resolve({}) },
    );
    expect(withCookie.status).toBe(401);
  });

  it("shows a new token once, stores only its hash, and lists it without the secret", async () => {
    const created = await createToken({
      name: "  CRM   sync ",
      scopes: ["conversations:read"],
      accounts: [shop.account.id],
    });
    expect(created.token).toMatch(/^igi_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({ name: "CRM sync", kind: "TEAM", prefix: created.token.slice(0, 8) });
    const stored = await ctx.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.apiToken.id } });
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const listed = await asAdmin(tokensRoute.GET, "GET", "/api/admin/api-tokens");
    const text = await listed.text();
    expect(text).toContain(created.apiToken.id);
    expect(text).not.toContain(created.token);
  });

  it("answers only what the token's accounts hold: another account's conversation is 404", async () => {
    const { token } = await createToken({
      name: "Shop only",
      scopes: ["conversations:read"],
      accounts: [shop.account.id],
    });
    const listed = await api(accountsRoute.GET, "/api/v1/accounts", bearer(token));
    const accounts = ZV1AccountList.parse(await expectDescribed(listed, "GET", "/accounts"));
    expect(accounts.data.map((a) => a.id)).toEqual([shop.account.id]);

    const list = await api(conversationsRoute.GET, "/api/v1/conversations?status=all", bearer(token));
    expect(list.status).toBe(200);
    const page = ZV1ConversationList.parse(await expectDescribed(list, "GET", "/conversations"));
    expect(page.data.map((c) => c.id)).toEqual([shopConversation]);
    expect(page.data[0]).not.toHaveProperty("unreadCount");

    const one = await api(conversationRoute.GET, `/api/v1/conversations/${shopConversation}`, bearer(token), {
      id: shopConversation,
    });
    expect(ZV1Conversation.parse(await expectDescribed(one, "GET", "/conversations/{id}")).accountId).toBe(
      shop.account.id,
    );
    const hidden = await api(conversationRoute.GET, `/api/v1/conversations/${otherConversation}`, bearer(token), {
      id: otherConversation,
    });
    const missing = await api(conversationRoute.GET, "/api/v1/conversations/nope", bearer(token), { id: "nope" });
    expect(hidden.status).toBe(404);
    await expectDescribed(hidden, "GET", "/conversations/{id}");
    expect(await hidden.json()).toEqual(await missing.json());
  });

  it("reaches every account, present and future, with accounts: all", async () => {
    const { token } = await createToken({ name: "Warehouse", scopes: ["conversations:read"], accounts: "all" });
    const later = await seedOutboxAccount(ctx.db.prisma, "http://127.0.0.1:1");
    const accounts = ZV1AccountList.parse(
      await (await api(accountsRoute.GET, "/api/v1/accounts", bearer(token))).json(),
    );
    expect(accounts.data.map((a) => a.id).sort()).toEqual([shop.account.id, other.account.id, later.account.id].sort());
  });

  it("refuses a route outside the token's scopes with 403 and the scope it lacks", async () => {
    const { token } = await createToken({ name: "Reports only", scopes: ["reports:read"], accounts: "all" });
    const refused = await api(conversationsRoute.GET, "/api/v1/conversations", bearer(token));
    expect(refused.status).toBe(403);
    await expectDescribed(refused, "GET", "/conversations");
    expect(await refused.json()).toMatchObject({
      error: { code: "FORBIDDEN", details: { required: "conversations:read", granted: ["reports:read"] } },
    });
  });

  it("names a bad filter instead of ignoring it", async () => {
    const { token } = await createToken({ name: "Typos", scopes: ["conversations:read"], accounts: "all" });
    // Five: the test runtime allows a token five requests a minute.
    for (const query of ["status=opne", "limit=101", "sort=oldest", "view=mine", "colour=red"]) {
      const response = await api(conversationsRoute.GET, `/api/v1/conversations?${query}`, bearer(token));
      expect(response.status, query).toBe(400);
      await expectDescribed(response, "GET", "/conversations");
      expect(((await response.json()) as { error: { message: string } }).error.message, query).toMatch(
        /^Invalid query/,
      );
    }
  });

  it("refuses a revoked token at once, and says it was revoked", async () => {
    const { token, apiToken } = await createToken({ name: "Leaked", scopes: ["conversations:read"], accounts: "all" });
    expect((await api(accountsRoute.GET, "/api/v1/accounts", bearer(token))).status).toBe(200);
    const revoked = await asAdmin(
      tokenRoute.DELETE,
      "DELETE",
      `/api/admin/api-tokens/${apiToken.id}`,
      undefined,
      apiToken.id,
    );
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { apiToken: { revokedAt: string | null } }).apiToken.revokedAt).not.toBeNull();
    const after = await api(accountsRoute.GET, "/api/v1/accounts", bearer(token));
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: { message: /revoked/ } });
  });

  it("counts requests per token with RateLimit headers and answers 429 past the limit", async () => {
    const { token, apiToken } = await createToken({ name: "Busy", scopes: ["conversations:read"], accounts: "all" });
    const { token: calm } = await createToken({ name: "Calm", scopes: ["conversations:read"], accounts: "all" });
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await api(accountsRoute.GET, "/api/v1/accounts", bearer(token));
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBe("5");
      remaining.push(response.headers.get("ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const limited = await api(accountsRoute.GET, "/api/v1/accounts", bearer(token));
    expect(limited.status).toBe(429);
    await expectDescribed(limited, "GET", "/accounts");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: { code: "TOO_MANY_REQUESTS" } });
    // Another token has its own count; this one's last use is noted.
    expect((await api(accountsRoute.GET, "/api/v1/accounts", bearer(calm))).status).toBe(200);
    const row = await ctx.db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.lastUsedAt).not.toBeNull();
    // A new window starts the count again.
    await ctx.db.prisma.apiToken.update({
      where: { id: apiToken.id },
      data: { rateWindowStart: new Date(Date.now() - 61_000) },
    });
    const next = await api(accountsRoute.GET, "/api/v1/accounts", bearer(token));
    expect(next.status).toBe(200);
    expect(next.headers.get("ratelimit-remaining")).toBe("4");
  });

  it("refuses a token naming no scope, an unknown scope or an account that is not linked", async () => {
    for (const body of [
      { name: "x", scopes: [], accounts: "all" },
      { name: "x", scopes: ["everything"], accounts: "all" },
      { name: "", scopes: ["conversations:read"], accounts: "all" },
      { name: "x", scopes: ["conversations:read"], accounts: [] },
      { name: "x", scopes: ["conversations:read"], accounts: ["not-an-account"] },
    ]) {
      const response = await asAdmin(tokensRoute.POST, "POST", "/api/admin/api-tokens", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await ctx.db.prisma.apiToken.count({ where: { name: "x" } })).toBe(0);
  });
});
