import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/me/settings/route";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// GET/PUT /api/me/settings: each agent's own notification choices.

describeEachDatabase("agent settings route", (ctx) => {
  let runtime: TRuntime;
  let ada: string;
  let bob: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    ada = await signedInCookie(runtime, { email: "ada@example.com", role: "agent" });
    bob = await signedInCookie(runtime, { email: "bob@example.com", role: "agent" });
  });
  afterAll(() => setRuntime(undefined));

  const params = { params: Promise.resolve({}) };
  const get = async (cookie: string) =>
    settingsRoute.GET(new NextRequest(`${TEST_APP_URL}/api/me/settings`, { headers: { cookie } }), params);
  const put = (cookie: string, body: unknown) =>
    settingsRoute.PUT(
      new NextRequest(`${TEST_APP_URL}/api/me/settings`, {
        method: "PUT",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      params,
    );

  it("answers the defaults to an agent who never changed anything, and 401 signed out", async () => {
    const response = await get(ada);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      settings: { notifyDesktop: true, notifySound: false, notifyTitle: true },
    });
    expect((await get("")).status).toBe(401);
    expect((await put("", { notifySound: true })).status).toBe(401);
  });

  it("changes only what is named, only for the agent who asks", async () => {
    const first = await put(ada, { notifySound: true });
    expect(first.status).toBe(200);
    expect((await first.json()).settings).toEqual({ notifyDesktop: true, notifySound: true, notifyTitle: true });
    await put(ada, { notifyDesktop: false });
    expect((await (await get(ada)).json()).settings).toEqual({
      notifyDesktop: false,
      notifySound: true,
      notifyTitle: true,
    });
    expect((await (await get(bob)).json()).settings).toEqual({
      notifyDesktop: true,
      notifySound: false,
      notifyTitle: true,
    });
  });

  it("refuses an empty change, unknown settings and non-booleans with the reason", async () => {
    for (const [body, reason] of [
      [{}, /at least one setting/],
      [{ notifyEmail: true }, /notifyEmail/],
      [{ notifyTitle: "yes" }, /notifyTitle/],
    ] as const) {
      const response = await put(ada, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(reason);
    }
    expect((await (await get(ada)).json()).settings.notifyTitle).toBe(true);
  });
});
