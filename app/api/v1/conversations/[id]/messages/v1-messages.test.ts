import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { expectDescribed } from "@/lib/api-v1/expect-described";
import { ZV1Message, ZV1MessageList } from "@/lib/api-v1/schemas";
import { setRuntime } from "@/lib/runtime";
import { createTeamToken } from "@/lib/server/api-tokens/api-tokens";
import { describeEachDatabase } from "@/lib/testing/databases";
import { seedApiShops } from "@/lib/testing/api-fixture";
import type { seedOutboxAccount } from "@/lib/testing/outbox-fixture";
import { TEST_APP_URL } from "@/lib/testing/test-runtime";
import * as messagesRoute from "./route";

// Sending through the public API (issue 21), with tokens only: the composer's rules and the
// 24-hour window as for an agent, "via API: <token name>" in the thread, and Idempotency-Key.

describeEachDatabase("the public API's messages", (ctx) => {
  let shop: Awaited<ReturnType<typeof seedOutboxAccount>>;
  let conversation = "";
  let foreignConversation = "";
  let writer = "";
  let reader = "";

  const call = (
    method: "GET" | "POST",
    id: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    (method === "GET" ? messagesRoute.GET : messagesRoute.POST)(
      new NextRequest(`${TEST_APP_URL}/api/v1/conversations/${id}/messages`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      { params: Promise.resolve({ id }) },
    );
  const text = (value: string) => ({ content: { kind: "text", text: value } });
  const count = () => ctx.db.prisma.message.count({ where: { conversationId: conversation, direction: "OUTBOUND" } });

  beforeAll(async () => {
    ({ shop, conversation, foreign: foreignConversation } = await seedApiShops(ctx.db));
    const admin = shop.author.id;
    const scopes = ["conversations:read", "messages:write"] as const;
    writer = (
      await createTeamToken(
        ctx.db.prisma,
        { name: "Order system", scopes: [...scopes], accounts: [shop.account.id] },
        admin,
      )
    ).token;
    reader = (
      await createTeamToken(ctx.db.prisma, { name: "Reader", scopes: ["conversations:read"], accounts: "all" }, admin)
    ).token;
  });
  afterAll(() => setRuntime(undefined));

  it("queues a message signed with the token's name, which the thread then shows", async () => {
    const sent = await call("POST", conversation, writer, text("Your parcel left the warehouse"));
    expect(sent.status).toBe(201);
    const message = ZV1Message.parse(await expectDescribed(sent, "POST", "/conversations/{id}/messages"));
    expect(message).toMatchObject({
      direction: "OUTBOUND",
      status: "QUEUED",
      authorName: "via API: Order system",
      authorId: null,
      content: { kind: "text", text: "Your parcel left the warehouse" },
    });
    const stored = await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored.tag).toBeNull();
    const thread = ZV1MessageList.parse(
      await expectDescribed(await call("GET", conversation, reader), "GET", "/conversations/{id}/messages"),
    );
    expect(thread.data[0]).toMatchObject({ id: message.id, authorName: "via API: Order system" });
  });

  it("holds the composer's rules and the 24-hour window, and the token's scope and accounts", async () => {
    const before = await count();
    const tooLong = await call("POST", conversation, writer, text("x".repeat(1001)));
    expect(tooLong.status).toBe(400);
    await expectDescribed(tooLong, "POST", "/conversations/{id}/messages");
    expect((await call("POST", conversation, reader, text("hello"))).status).toBe(403);
    expect((await call("POST", foreignConversation, writer, text("hello"))).status).toBe(404);
    // The customer last wrote two days ago: the window is closed.
    await ctx.db.prisma.conversation.update({
      where: { id: conversation },
      data: { lastInboundAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    try {
      const closed = await call("POST", conversation, writer, text("Still there?"));
      expect(closed.status).toBe(409);
      await expectDescribed(closed, "POST", "/conversations/{id}/messages");
      expect(await closed.json()).toMatchObject({ error: { code: "CONFLICT", details: { rule: expect.any(String) } } });
    } finally {
      await ctx.db.prisma.conversation.update({ where: { id: conversation }, data: { lastInboundAt: new Date() } });
    }
    expect(await count()).toBe(before);
  });

  it("sends once for an Idempotency-Key, retried or raced, and refuses the key for another body", async () => {
    const before = await count();
    const key = { "idempotency-key": `parcel-${Date.now()}` };
    const first = await call("POST", conversation, writer, text("Parcel 1 left"), key);
    const again = await call("POST", conversation, writer, text("Parcel 1 left"), key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await count()).toBe(before + 1);

    const reused = await call("POST", conversation, writer, text("Parcel 2 left"), key);
    expect(reused.status).toBe(422);
    await expectDescribed(reused, "POST", "/conversations/{id}/messages");

    // Five at once with one new key: one message, five identical answers.
    const raced = { "idempotency-key": `race-${Date.now()}` };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => call("POST", conversation, writer, text("Parcel 3 left"), raced)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    expect(await count()).toBe(before + 2);

    expect((await call("POST", conversation, writer, text("x"), { "idempotency-key": "" })).status).toBe(400);
    expect((await call("POST", conversation, writer, text("x"), { "idempotency-key": "é" })).status).toBe(400);
  });
});
