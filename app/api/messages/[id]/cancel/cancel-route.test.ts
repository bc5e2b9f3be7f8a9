import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveOutbox } from "@/lib/pipeline/outbox/outbox-deps";
import { claimDueSends } from "@/lib/pipeline/outbox/claim-due-sends";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { seedOutboxAccount } from "@/lib/testing/outbox-fixture";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { POST } from "./route";

describeEachDatabase("POST /api/messages/[id]/cancel", (ctx) => {
  let runtime: TRuntime;
  let cookie: string;
  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "canceller@example.com", role: "agent" });
  });
  afterAll(() => setRuntime(undefined));

  const cancel = (id: string) =>
    POST(new NextRequest(`${TEST_APP_URL}/api/messages/${id}/cancel`, { method: "POST", headers: { cookie } }), {
      params: Promise.resolve({ id }),
    });

  it("cancels a queued reply, and answers 409 with the reason once it is being sent", async () => {
    const seed = await seedOutboxAccount(ctx.db.prisma, "http://127.0.0.1:1");
    // Agents act on the conversations of their accounts only (conversation-access.test.ts).
    const canceller = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "canceller@example.com" } });
    await ctx.db.prisma.accountMember.create({ data: { accountId: seed.account.id, userId: canceller.id } });
    const { conversationId } = await seed.startConversation();
    const queued = await seed.reply(conversationId, "never mind");
    const ok = await cancel(queued.id);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { message: { status: string } }).message.status).toBe("CANCELLED");

    const sending = await seed.reply(conversationId, "this one goes");
    await claimDueSends(resolveOutbox({ prisma: ctx.db.prisma, tokens: runtime.tokens, cmBaseUrl: "" }), 10);
    const refused = await cancel(sending.id);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^It is being sent right now/,
    );
    expect((await cancel("missing")).status).toBe(404);
  });
});
