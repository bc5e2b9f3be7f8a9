import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/admin/accounts/[id]/settings/route";
import { ZAccountAnswer } from "@/lib/accounts/schemas";
import { DEFAULT_BUSINESS_HOURS } from "@/lib/business-hours/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

describeEachDatabase("an account's hours and survey settings", (ctx) => {
  let runtime: TRuntime;
  let admin: string;
  let agent: string;
  let accountId: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    admin = await signedInCookie(runtime, { email: "root@example.com", role: "admin" });
    agent = await signedInCookie(runtime, { email: "ada@example.com", role: "agent" });
    accountId = (await createTestAccount(ctx.db.prisma)).id;
  });
  afterAll(() => setRuntime(undefined));

  const put = (body: unknown, cookie = admin, id = accountId) =>
    settingsRoute.PUT(
      new NextRequest(`${TEST_APP_URL}/api/admin/accounts/${id}/settings`, {
        method: "PUT",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ id }) },
    );
  const valid = {
    timeZone: "Europe/Amsterdam",
    businessHours: DEFAULT_BUSINESS_HOURS,
    surveyEnabled: true,
    surveyText: "  How did we do? Tap, or reply with a number from 1 to 5. ",
    surveyFollowUpText: "",
    surveyCooldownDays: "14",
  };

  it("the account starts with the survey off, around the clock, in UTC", async () => {
    const row = await ctx.db.prisma.instagramAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(row).toMatchObject({ surveyEnabled: false, businessHours: null, timeZone: "UTC", surveyCooldownDays: 7 });
  });

  it("stores what the form sends and answers the account with its settings", async () => {
    const answer = await put(valid);
    expect(answer.status).toBe(200);
    const { account } = ZAccountAnswer.parse(await answer.json());
    expect(account.settings).toEqual({
      ...valid,
      surveyText: "How did we do? Tap, or reply with a number from 1 to 5.",
      surveyCooldownDays: 14,
    });
    const row = await ctx.db.prisma.instagramAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(row).toMatchObject({ surveyEnabled: true, surveyFollowUpText: "", timeZone: "Europe/Amsterdam" });
    expect(row.businessHours).toEqual(DEFAULT_BUSINESS_HOURS);

    // An empty question means the default; no business hours means around the clock.
    const back = await put({ ...valid, surveyText: "", businessHours: null });
    const { account: after } = ZAccountAnswer.parse(await back.json());
    expect(after.settings).toMatchObject({ surveyText: "", businessHours: null });
    expect(await ctx.db.prisma.instagramAccount.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({
      surveyText: null,
      businessHours: null,
    });
  });

  it("refuses bad settings with their reasons", async () => {
    const bad = await put({
      ...valid,
      timeZone: "Mars/Olympus",
      businessHours: {
        ...DEFAULT_BUSINESS_HOURS,
        weekly: { ...DEFAULT_BUSINESS_HOURS.weekly, mon: [{ from: "17:00", to: "09:00" }] },
      },
      surveyText: "x".repeat(1001),
      surveyCooldownDays: -1,
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.message).toContain("must be an IANA time zone");
    expect(error.message).toContain("must end after it starts");
    expect(error.message).toContain("at most 1000 characters");
    expect(error.message).toContain("must be 0 or more");
    const row = await ctx.db.prisma.instagramAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(row.timeZone).toBe("Europe/Amsterdam");
  });

  it("is for admins only, and says when the account is gone", async () => {
    expect((await put(valid, agent)).status).toBe(403);
    expect((await put(valid, admin, "missing")).status).toBe(404);
  });
});
