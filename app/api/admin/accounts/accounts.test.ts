import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import * as accountsRoute from "@/app/api/admin/accounts/route";
import * as accountRoute from "@/app/api/admin/accounts/[id]/route";
import * as rotateRoute from "@/app/api/admin/accounts/[id]/rotate-secret/route";
import * as testConnectionRoute from "@/app/api/admin/accounts/[id]/test-connection/route";
import { ZAccountView } from "@/lib/accounts/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

const TOKEN = "a1b2c3d4-1111-2222-3333-444455556666";
const NEW_TOKEN = "f0e0d0c0-9999-8888-7777-666655554444";

describeEachDatabase("linked Instagram accounts", (ctx) => {
  let runtime: TRuntime;
  let cookie: string;
  const logged: string[] = [];

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "root@example.com", role: "admin" });
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(" "));
      });
    }
  });
  afterAll(() => {
    vi.restoreAllMocks();
    setRuntime(undefined);
  });

  const request = (method: string, path: string, body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}${path}`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("stores the token encrypted, and no response or log line ever holds it", async () => {
    const bodies: string[] = [];
    const created = await accountsRoute.POST(
      request("POST", "/api/admin/accounts", {
        igAccountId: "17841400000000123",
        displayName: "Shoe shop",
        productToken: TOKEN,
      }),
      { params: Promise.resolve({}) },
    );
    expect(created.status).toBe(200);
    bodies.push(await created.text());
    const account = ZAccountView.parse(JSON.parse(bodies[0] ?? "").account);
    expect(account.productTokenMasked).toBe("••••••••-••••-••••-••••-••••••••6666");
    expect(account.webhookUrls.messages).toMatch(
      new RegExp(`^${TEST_APP_URL}/api/webhooks/cm/[A-Za-z0-9_-]{43}/messages$`),
    );

    const [row] = await ctx.db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM "InstagramAccount" WHERE "igAccountId" = '17841400000000123'`;
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(runtime.tokens.decrypt(String(row?.productTokenEncrypted))).toBe(TOKEN);

    bodies.push(await (await accountsRoute.GET(request("GET", "/api/admin/accounts"), params(""))).text());
    bodies.push(
      await (
        await accountRoute.PATCH(request("PATCH", "/x", { displayName: "Shoes & more" }), params(account.id))
      ).text(),
    );
    bodies.push(await (await rotateRoute.POST(request("POST", "/x"), params(account.id))).text());
    // The gateway URL points nowhere: the test fails in transport, which must not leak either.
    const tested = await testConnectionRoute.POST(request("POST", "/x"), params(account.id));
    bodies.push(await tested.text());
    expect(JSON.parse(bodies.at(-1) ?? "").result.ok).toBe(false);

    for (const text of [...bodies, ...logged]) expect(text).not.toContain(TOKEN);
  });

  it("replaces the token write-only and rotates the webhook secret", async () => {
    const list = await (await accountsRoute.GET(request("GET", "/x"), params(""))).json();
    const before = ZAccountView.parse(list.accounts[0]);
    const patched = await accountRoute.PATCH(request("PATCH", "/x", { productToken: NEW_TOKEN }), params(before.id));
    const after = ZAccountView.parse((await patched.json()).account);
    expect(after.productTokenMasked.endsWith("4444")).toBe(true);
    const row = await ctx.db.prisma.instagramAccount.findUniqueOrThrow({ where: { id: before.id } });
    expect(runtime.tokens.decrypt(row.productTokenEncrypted)).toBe(NEW_TOKEN);

    const rotated = ZAccountView.parse(
      (await (await rotateRoute.POST(request("POST", "/x"), params(before.id))).json()).account,
    );
    expect(rotated.webhookUrls.messages).not.toBe(after.webhookUrls.messages);
  });

  it("refuses bad input with the reason, and a duplicate account", async () => {
    const bad = await accountsRoute.POST(
      request("POST", "/x", { igAccountId: "12ab", displayName: "", productToken: "not-a-guid" }),
      params(""),
    );
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.message).toContain("igAccountId: must be the Instagram account ID");
    expect(error.message).toContain("productToken: must be a CM product token");

    const duplicate = await accountsRoute.POST(
      request("POST", "/x", { igAccountId: "17841400000000123", displayName: "Again", productToken: TOKEN }),
      params(""),
    );
    expect(duplicate.status).toBe(409);
    expect(await ctx.db.prisma.instagramAccount.count()).toBe(1);
  });

  it("removes an account with everything under it", async () => {
    const { id } = await ctx.db.prisma.instagramAccount.findFirstOrThrow();
    expect((await accountRoute.DELETE(request("DELETE", "/x"), params(id))).status).toBe(200);
    expect(await ctx.db.prisma.instagramAccount.count()).toBe(0);
    expect((await accountRoute.DELETE(request("DELETE", "/x"), params(id))).status).toBe(404);
  });

  it("shows webhook URLs on PUBLIC_URL, the address CM reaches, when it differs from the app's", async () => {
    await accountsRoute.POST(
      request("POST", "/api/admin/accounts", {
        igAccountId: "17841400000000456",
        displayName: "Hat shop",
        productToken: TOKEN,
      }),
      { params: Promise.resolve({}) },
    );
    setRuntime({ ...runtime, config: { ...runtime.config, publicUrl: "https://cm-facing.example" } });
    try {
      const listed = (await (await accountsRoute.GET(request("GET", "/api/admin/accounts"), params(""))).json()) as {
        accounts: unknown[];
      };
      const urls = listed.accounts.map((a) => ZAccountView.parse(a).webhookUrls.messages);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls)
        expect(url).toMatch(/^https:\/\/cm-facing\.example\/api\/webhooks\/cm\/[\w-]{43}\/messages$/);
    } finally {
      setRuntime(runtime);
    }
  });
});
