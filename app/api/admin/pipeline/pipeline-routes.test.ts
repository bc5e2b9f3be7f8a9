import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as retryFailedRoute from "@/app/api/admin/accounts/[id]/pipeline/retry-failed/route";
import * as pipelineRoute from "@/app/api/admin/pipeline/route";
import * as retryRoute from "@/app/api/admin/pipeline/webhooks/[id]/retry/route";
import { ZPipelineStatus, ZRetriedAll, ZRetriedWebhook } from "@/lib/webhooks/pipeline-status";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

describeEachDatabase("the pipeline routes", (ctx) => {
  let runtime: TRuntime;
  let cookie: string;
  let wakes = 0;

  beforeAll(async () => {
    runtime = {
      ...createTestRuntime(ctx.db),
      workers: { intake: { wake: () => void wakes++, stop: () => Promise.resolve() } },
    };
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "root@example.com", role: "admin" });
  });
  afterAll(() => setRuntime(undefined));

  const post = (path: string) =>
    new NextRequest(`${TEST_APP_URL}${path}`, { method: "POST", headers: { cookie, "content-length": "0" } });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("shows each account without its product token, retries a failed webhook and wakes the processor", async () => {
    const account = await createTestAccount(ctx.db.prisma, { displayName: "Route shop" });
    const failed = await ctx.db.prisma.webhookEvent.create({
      data: { accountId: account.id, kind: "MESSAGE", dedupeKey: "k1", payload: "{}", state: "FAILED", attempts: 8 },
    });

    const shown = await pipelineRoute.GET(
      new NextRequest(`${TEST_APP_URL}/api/admin/pipeline`, { headers: { cookie } }),
      { params: Promise.resolve({}) },
    );
    expect(shown.status).toBe(200);
    const text = await shown.text();
    expect(text).not.toContain(account.productTokenEncrypted);
    expect(text).not.toContain(account.webhookSecret);
    const status = ZPipelineStatus.parse(JSON.parse(text));
    expect(status.accounts[0]).toMatchObject({ displayName: "Route shop", webhooks: { failed: 1 } });

    const retried = await retryRoute.POST(post(`/api/admin/pipeline/webhooks/${failed.id}/retry`), params(failed.id));
    expect(retried.status).toBe(200);
    expect(ZRetriedWebhook.parse(await retried.json()).webhook).toMatchObject({ id: failed.id, state: "PENDING" });
    expect(wakes).toBe(1);

    await ctx.db.prisma.webhookEvent.update({ where: { id: failed.id }, data: { state: "DONE" } });
    const done = await retryRoute.POST(post(`/api/admin/pipeline/webhooks/${failed.id}/retry`), params(failed.id));
    expect(done.status).toBe(409);
    const unknown = await retryRoute.POST(post("/api/admin/pipeline/webhooks/nope/retry"), params("nope"));
    expect(unknown.status).toBe(404);
  });

  it("retries all of an account's failed webhooks, 404 for an unknown account", async () => {
    const account = await createTestAccount(ctx.db.prisma);
    await ctx.db.prisma.webhookEvent.create({
      data: { accountId: account.id, kind: "EVENT", dedupeKey: "k2", payload: "{}", state: "FAILED", attempts: 8 },
    });
    const path = (id: string) => `/api/admin/accounts/${id}/pipeline/retry-failed`;
    const answer = await retryFailedRoute.POST(post(path(account.id)), params(account.id));
    expect(answer.status).toBe(200);
    expect(ZRetriedAll.parse(await answer.json())).toEqual({ retried: 1 });
    expect((await retryFailedRoute.POST(post(path("nope")), params("nope"))).status).toBe(404);
  });
});
