import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as accountRoute from "@/app/api/admin/sla-policies/accounts/[id]/route";
import * as defaultRoute from "@/app/api/admin/sla-policies/default/route";
import * as listRoute from "@/app/api/admin/sla-policies/route";
import { setRuntime } from "@/lib/runtime";
import { ZSlaPolicies } from "@/lib/sla/schemas";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// Admin → SLA policies over HTTP: the default and an account's own, saved, listed and removed,
// with reasons for what is refused.

describeEachDatabase("SLA policy routes", (ctx) => {
  let admin: string;
  let shopId: string;
  const request = (path: string, method: string, body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}${path}`, {
      method,
      headers: { cookie: admin, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const none = { params: Promise.resolve({}) };
  const account = (id: string) => ({ params: Promise.resolve({ id }) });
  const targets = {
    firstResponseMinutes: 30,
    nextResponseMinutes: 60,
    resolutionMinutes: null,
    businessHoursOnly: true,
  };

  beforeAll(async () => {
    const runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    admin = await signedInCookie(runtime, { email: "lead@example.com", role: "admin" });
    shopId = (await createTestAccount(ctx.db.prisma, { displayName: "Shop" })).id;
  });
  afterAll(() => setRuntime(undefined));

  it("saves the default and an account's own, and lists both", async () => {
    const saved = await defaultRoute.PUT(request("/api/admin/sla-policies/default", "PUT", targets), none);
    expect(saved.status).toBe(200);
    expect((await saved.json()).policy).toMatchObject({ accountId: null, ...targets });
    // Saving again changes the one default, never makes a second.
    await defaultRoute.PUT(
      request("/api/admin/sla-policies/default", "PUT", { ...targets, firstResponseMinutes: 15 }),
      none,
    );
    const own = { ...targets, resolutionMinutes: 1440, businessHoursOnly: false };
    const put = await accountRoute.PUT(
      request(`/api/admin/sla-policies/accounts/${shopId}`, "PUT", own),
      account(shopId),
    );
    expect(put.status).toBe(200);
    const list = ZSlaPolicies.parse(
      await (await listRoute.GET(request("/api/admin/sla-policies", "GET"), none)).json(),
    );
    expect(list.defaultPolicy).toMatchObject({ firstResponseMinutes: 15 });
    expect(list.accounts).toEqual([
      expect.objectContaining({ accountId: shopId, displayName: "Shop", policy: expect.objectContaining(own) }),
    ]);
  });

  it("refuses what is not a target, with the reason", async () => {
    const answer = await defaultRoute.PUT(
      request("/api/admin/sla-policies/default", "PUT", { ...targets, firstResponseMinutes: -1 }),
      none,
    );
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain("must be at least 1 minute");
  });

  it("answers 404 for an unknown account and for a policy that is not there", async () => {
    const unknown = await accountRoute.PUT(
      request("/api/admin/sla-policies/accounts/nope", "PUT", targets),
      account("nope"),
    );
    expect(unknown.status).toBe(404);
    const removed = await accountRoute.DELETE(
      request(`/api/admin/sla-policies/accounts/${shopId}`, "DELETE"),
      account(shopId),
    );
    expect(removed.status).toBe(200);
    const again = await accountRoute.DELETE(
      request(`/api/admin/sla-policies/accounts/${shopId}`, "DELETE"),
      account(shopId),
    );
    expect(again.status).toBe(404);
    expect(JSON.stringify(await again.json())).toContain("This account has no SLA policy of its own.");
  });
});
