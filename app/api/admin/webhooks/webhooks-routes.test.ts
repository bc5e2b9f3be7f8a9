import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as attemptsRoute from "@/app/api/admin/webhooks/[id]/attempts/route";
import * as resendRoute from "@/app/api/admin/webhooks/[id]/deliveries/[deliveryId]/resend/route";
import * as endpointRoute from "@/app/api/admin/webhooks/[id]/route";
import * as testRoute from "@/app/api/admin/webhooks/[id]/test/route";
import * as listRoute from "@/app/api/admin/webhooks/route";
import { ZCreatedHookEndpoint, ZHookAttemptList, ZHookEndpointList } from "@/lib/hooks/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { deliverHooks } from "@/lib/server/hooks/deliver-hooks";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startHookReceiver, type THookReceiver } from "@/lib/testing/hook-receiver";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// Admin → Webhooks over HTTP: endpoints added (secret once), refused with reasons, tested,
// logged, resent, turned off and on, removed.

describeEachDatabase("webhook endpoint routes", (ctx) => {
  let admin: string;
  let runtime: TRuntime;
  let receiver: THookReceiver;
  const request = (path: string, method: string, body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}${path}`, {
      method,
      headers: { cookie: admin, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const none = { params: Promise.resolve({}) };
  const of = (id: string) => ({ params: Promise.resolve({ id }) });
  const valid = { events: ["message.created"], accounts: "all" };

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db, { webhooksAllowLocal: false });
    setRuntime(runtime);
    admin = await signedInCookie(runtime, { email: "hooks-admin@example.com", role: "admin" });
    receiver = await startHookReceiver();
  });
  afterAll(async () => {
    setRuntime(undefined);
    await receiver.close();
  });

  it("refuses what could never be delivered, with the reason", async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...valid, url: "http://crm.example.com/hooks" }, /must start with https/],
      [{ ...valid, url: "https://127.0.0.1/hooks" }, /private, loopback or link-local/],
      [{ ...valid, url: "https://[::1]/hooks" }, /private, loopback or link-local/],
      [{ ...valid, url: "https://localhost/hooks" }, /private, loopback or link-local/],
      [{ ...valid, url: "ftp://example.com" }, /url/],
      [{ ...valid, url: "https://crm.example.com", events: [] }, /choose at least one event/],
      [{ ...valid, url: "https://crm.example.com", events: ["message.sent"] }, /must be one of/],
      [{ ...valid, url: "https://crm.example.com", accounts: ["nope"] }, /not a linked Instagram account/],
    ];
    for (const [body, reason] of cases) {
      const answer = await listRoute.POST(request("/api/admin/webhooks", "POST", body), none);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(await answer.json())).toMatch(reason);
    }
    expect(await ctx.db.prisma.hookEndpoint.count()).toBe(0);
  });

  it("adds an endpoint with its secret once, tests it, logs, resends, turns it off and removes it", async () => {
    runtime.config.webhooksAllowLocal = true;
    const shop = await createTestAccount(ctx.db.prisma, { displayName: "Shop" });
    const created = await listRoute.POST(
      request("/api/admin/webhooks", "POST", {
        url: receiver.url,
        events: ["message.created", "conversation.created"],
        accounts: [shop.id],
      }),
      none,
    );
    expect(created.status).toBe(201);
    const { endpoint, secret } = ZCreatedHookEndpoint.parse(await created.json());
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({
      url: receiver.url,
      accounts: [{ id: shop.id, displayName: "Shop" }],
      enabled: true,
    });
    receiver.secret = secret;
    // The secret is in no later answer.
    const listed = await (await listRoute.GET(request("/api/admin/webhooks", "GET"), none)).text();
    expect(listed).not.toContain(secret.slice(6, 20));
    expect(ZHookEndpointList.parse(JSON.parse(listed)).endpoints.map((e) => e.id)).toEqual([endpoint.id]);

    expect(
      (await testRoute.POST(request(`/api/admin/webhooks/${endpoint.id}/test`, "POST"), of(endpoint.id))).status,
    ).toBe(201);
    await deliverHooks(ctx.db.prisma, { secrets: runtime.hookSecrets, allowLocal: true });
    expect(receiver.received.map((h) => h.type)).toEqual(["webhook.test"]);
    const log = ZHookAttemptList.parse(
      await (
        await attemptsRoute.GET(request(`/api/admin/webhooks/${endpoint.id}/attempts`, "GET"), of(endpoint.id))
      ).json(),
    );
    expect(log.attempts).toMatchObject([
      { eventType: "webhook.test", status: 200, deliveryState: "DELIVERED", response: "ok" },
    ]);

    const deliveryId = log.attempts[0]?.deliveryId ?? "";
    const resent = await resendRoute.POST(
      request(`/api/admin/webhooks/${endpoint.id}/deliveries/${deliveryId}/resend`, "POST"),
      { params: Promise.resolve({ id: endpoint.id, deliveryId }) },
    );
    expect(resent.status).toBe(201);
    await deliverHooks(ctx.db.prisma, { secrets: runtime.hookSecrets, allowLocal: true });
    expect(receiver.requests).toHaveLength(2);

    const off = await endpointRoute.PATCH(
      request(`/api/admin/webhooks/${endpoint.id}`, "PATCH", { enabled: false }),
      of(endpoint.id),
    );
    expect((await off.json()).endpoint).toMatchObject({ enabled: false, disabledReason: "Turned off by an admin." });
    const refused = await testRoute.POST(request(`/api/admin/webhooks/${endpoint.id}/test`, "POST"), of(endpoint.id));
    expect(refused.status).toBe(409);
    expect(JSON.stringify(await refused.json())).toContain("turn it on first");

    const removed = await endpointRoute.DELETE(
      request(`/api/admin/webhooks/${endpoint.id}`, "DELETE"),
      of(endpoint.id),
    );
    expect(removed.status).toBe(200);
    expect(await ctx.db.prisma.hookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    const again = await endpointRoute.DELETE(request(`/api/admin/webhooks/${endpoint.id}`, "DELETE"), of(endpoint.id));
    expect(again.status).toBe(404);
    runtime.config.webhooksAllowLocal = false;
  });
});
