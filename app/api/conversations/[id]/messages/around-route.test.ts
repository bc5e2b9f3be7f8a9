import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ZMessagePage } from "@/lib/messages/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { customerWrites, type TWritten } from "@/lib/testing/search-fixture";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { GET } from "./route";

describeEachDatabase("GET /api/conversations/[id]/messages?around=", (ctx) => {
  let runtime: TRuntime;
  let cookie: string;
  let first: TWritten;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "around@example.com", role: "admin" });
    const { id: accountId } = await createTestAccount(ctx.db.prisma);
    const customer = { igsid: "400001", name: "Rita", username: "rita" };
    const t0 = Date.parse("2026-04-01T08:00:00Z");
    first = await customerWrites(ctx.db.prisma, accountId, customer, "the very first", new Date(t0));
    for (let i = 1; i <= 12; i++) {
      await customerWrites(ctx.db.prisma, accountId, customer, `then ${i}`, new Date(t0 + i * 60_000));
    }
  });
  afterAll(() => setRuntime(undefined));

  const get = (query: string) =>
    GET(
      new NextRequest(`${TEST_APP_URL}/api/conversations/${first.conversationId}/messages?${query}`, {
        headers: { cookie },
      }),
      { params: Promise.resolve({ id: first.conversationId }) },
    );

  it("answers the page holding the message, far back in the thread", async () => {
    const newest = ZMessagePage.parse(await (await get("limit=4")).json());
    expect(newest.messages.map((m) => m.id)).not.toContain(first.messageId);
    const response = await get(`limit=4&around=${first.messageId}`);
    expect(response.status).toBe(200);
    const page = ZMessagePage.parse(await response.json());
    expect(page.messages.at(-1)?.id).toBe(first.messageId);
    expect(page.messages).toHaveLength(3);
    expect(page.newerCursor).toEqual(expect.any(String));
    expect(page.nextCursor).toBeNull();
  });

  it("refuses two anchors at once with 400, and an unknown message with 404", async () => {
    const both = await get(`around=${first.messageId}&cursor=abc`);
    expect(both.status).toBe(400);
    expect(((await both.json()) as { error: { message: string } }).error.message).toContain(
      "at most one of cursor, around, after",
    );
    expect((await get("around=missing")).status).toBe(404);
  });
});
