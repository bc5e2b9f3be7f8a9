import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as accountsRoute from "@/app/api/admin/accounts/route";
import * as accountRoute from "@/app/api/admin/accounts/[id]/route";
import * as testConnectionRoute from "@/app/api/admin/accounts/[id]/test-connection/route";
import { ZAccountView, ZConnectionTest } from "@/lib/accounts/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { startFakeCm, type TFakeCm } from "@/lib/testing/fake-cm";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// An account's own CM gateway URL receives its product token with every send: a loopback,
// private or link-local one is taken only with ALLOW_PRIVATE_CM_GATEWAY.

const TOKEN = "a1b2c3d4-1111-2222-3333-444455556666";

const PRIVATE_GATEWAYS = [
  "http://127.0.0.1:4010",
  "http://localhost:4010",
  "http://gw.localhost",
  "http://[::1]:4010",
  "http://[::ffff:127.0.0.1]",
  "http://10.1.2.3",
  "http://192.168.0.10/cm",
  "https://169.254.169.254",
  "http://0x7f000001",
  "http://198.51.100.4",
];

describeEachDatabase("an account's own CM gateway URL", (ctx) => {
  let runtime: TRuntime;
  let cookie: string;
  let cm: TFakeCm;
  let accountId: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "gateway-admin@example.com", role: "admin" });
    cm = await startFakeCm();
  });
  afterAll(async () => {
    setRuntime(undefined);
    await cm.close();
  });

  const request = (method: string, path: string, body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}${path}`, {
      method,
      headers: { cookie, "content-type": "application/json", origin: TEST_APP_URL },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const create = (cmBaseUrl: string | null, igAccountId: string) =>
    accountsRoute.POST(
      request("POST", "/api/admin/accounts", {
        igAccountId,
        displayName: "Gateway shop",
        productToken: TOKEN,
        cmBaseUrl,
      }),
      { params: Promise.resolve({}) },
    );
  const update = (id: string, cmBaseUrl: string | null) =>
    accountRoute.PATCH(request("PATCH", `/api/admin/accounts/${id}`, { cmBaseUrl }), {
      params: Promise.resolve({ id }),
    });
  const expectRefused = async (response: Response, url: string) => {
    expect(response.status, url).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code, url).toBe("BAD_REQUEST");
    expect(body.error.message, url).toContain("ALLOW_PRIVATE_CM_GATEWAY=true");
  };

  it("refuses a private gateway when linking an account, and stores nothing", async () => {
    for (const [i, url] of PRIVATE_GATEWAYS.entries()) {
      await expectRefused(await create(url, `1784140000100${String(i).padStart(2, "0")}`), url);
    }
    expect(await ctx.db.prisma.instagramAccount.count()).toBe(0);
    const linked = await create(null, "17841400001999");
    expect(linked.status).toBe(200);
    accountId = ZAccountView.parse(((await linked.json()) as { account: unknown }).account).id;
  });

  it("refuses a private gateway when editing one, and keeps the stored URL", async () => {
    for (const url of PRIVATE_GATEWAYS) await expectRefused(await update(accountId, url), url);
    const stored = await ctx.db.prisma.instagramAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(stored.cmBaseUrl).toBeNull();
  });

  it("takes a private gateway when the operator allows it", async () => {
    setRuntime({ ...runtime, config: { ...runtime.config, allowPrivateCmGateway: true } });
    try {
      const response = await update(accountId, cm.url);
      expect(response.status).toBe(200);
      expect(ZAccountView.parse(((await response.json()) as { account: unknown }).account).cmBaseUrl).toBe(cm.url);
    } finally {
      setRuntime(runtime);
    }
  });

  it("does not send the token to a private gateway stored before (or allowed then), when testing the connection", async () => {
    // Stored while the setting was on (previous test); the server now runs without it.
    const before = cm.requests.length;
    const response = await testConnectionRoute.POST(
      request("POST", `/api/admin/accounts/${accountId}/test-connection`),
      {
        params: Promise.resolve({ id: accountId }),
      },
    );
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: unknown };
    expect(ZConnectionTest.parse(result)).toMatchObject({ ok: false, code: null });
    expect(ZConnectionTest.parse(result).message).toContain("ALLOW_PRIVATE_CM_GATEWAY=true");
    expect(cm.requests.length).toBe(before);
  });
});
