import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ZRetentionAnswer, ZRetentionPreview } from "@/lib/retention/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import * as previewRoute from "./preview/route";
import * as retentionRoute from "./route";

describeEachDatabase("/api/admin/accounts/:id/retention", (ctx) => {
  let runtime: TRuntime;
  let cookie: string;
  let account: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "root@example.com", role: "admin" });
    account = (await createTestAccount(ctx.db.prisma)).id;
  });
  afterAll(() => setRuntime(undefined));

  const request = (method: string, body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}/api/admin/accounts/x/retention`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("is off by default, with no run yet", async () => {
    const answer = await retentionRoute.GET(request("GET"), params(account));
    expect(answer.status).toBe(200);
    expect(ZRetentionAnswer.parse(await answer.json()).retention).toEqual({
      enabled: false,
      months: 24,
      lastRun: null,
    });
  });

  it("saves whole months from 1 to 120 and refuses anything else with the reason", async () => {
    for (const [months, reason] of [
      [0, "at least 1 month"],
      [121, "at most 120 months"],
      [1.5, "whole number of months"],
      ["soon", "must be a number"],
    ] as const) {
      const refused = await retentionRoute.PUT(request("PUT", { enabled: true, months }), params(account));
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain(reason);
    }
    const saved = await retentionRoute.PUT(request("PUT", { enabled: true, months: 13 }), params(account));
    expect(ZRetentionAnswer.parse(await saved.json()).retention).toMatchObject({ enabled: true, months: 13 });
    expect(await ctx.db.prisma.instagramAccount.findUnique({ where: { id: account } })).toMatchObject({
      retentionEnabled: true,
      retentionMonths: 13,
    });
  });

  it("previews without deleting, and answers 404 for an account that does not exist", async () => {
    const preview = await previewRoute.POST(request("POST", { months: 3 }), params(account));
    expect(preview.status).toBe(200);
    expect(ZRetentionPreview.parse(await preview.json())).toMatchObject({
      months: 3,
      conversations: 0,
      messages: 0,
      uploads: 0,
      capped: false,
    });
    expect((await previewRoute.POST(request("POST", { months: 3 }), params("missing"))).status).toBe(404);
    expect((await retentionRoute.GET(request("GET"), params("missing"))).status).toBe(404);
    expect((await retentionRoute.PUT(request("PUT", { enabled: true, months: 3 }), params("missing"))).status).toBe(
      404,
    );
  });
});
