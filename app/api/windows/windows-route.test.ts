import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { createDemoMessage } from "@/lib/server/demo/create-demo-message";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { allReplyWindowRows } from "@/lib/windows/group-reply-windows";
import { ZReplyWindows } from "@/lib/windows/schemas";
import { GET } from "./route";

// The board follows account membership like the inbox: an agent sees their accounts' waiting
// customers only, an admin every account's.

describeEachDatabase("GET /api/windows", (ctx) => {
  let runtime: TRuntime;
  const cookies = { member: "", outsider: "", admin: "" };

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    const shop = await createTestAccount(ctx.db.prisma, { displayName: "Shop" });
    const elsewhere = await createTestAccount(ctx.db.prisma, { displayName: "Elsewhere" });
    cookies.member = await signedInCookie(runtime, { email: "member@example.com", role: "agent" });
    cookies.outsider = await signedInCookie(runtime, { email: "outsider@example.com", role: "agent" });
    cookies.admin = await signedInCookie(runtime, { email: "admin@example.com", role: "admin" });
    const userId = async (email: string) => (await ctx.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    await ctx.db.prisma.accountMember.createMany({
      data: [
        { accountId: shop.id, userId: await userId("member@example.com") },
        { accountId: elsewhere.id, userId: await userId("outsider@example.com") },
      ],
    });
    // Wrote 23 hours ago: the window closes within the hour.
    await createDemoMessage(ctx.db.prisma, {
      accountId: shop.id,
      igsid: "42",
      name: "Wendy",
      username: "wendy",
      text: "still there?",
      now: new Date(Date.now() - 23 * 3600_000),
    });
  });
  afterAll(() => setRuntime(undefined));

  const board = async (cookie: string) => {
    const response = await GET(new NextRequest(`${TEST_APP_URL}/api/windows`, { headers: { cookie } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const answer = ZReplyWindows.parse(await response.json());
    return allReplyWindowRows(answer.groups).map((row) => row.customer.name);
  };

  it("shows the waiting customer to the account's member and to an admin, not to another account's agent", async () => {
    expect(await board(cookies.member)).toEqual(["Wendy"]);
    expect(await board(cookies.admin)).toEqual(["Wendy"]);
    expect(await board(cookies.outsider)).toEqual([]);
  });
});
