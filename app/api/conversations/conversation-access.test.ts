import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/messages/[id]/cancel/route";
import * as retryRoute from "@/app/api/messages/[id]/retry/route";
import * as conversationRoute from "./[id]/route";
import * as messagesRoute from "./[id]/messages/route";
import * as readRoute from "./[id]/read/route";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { seedOutboxAccount } from "@/lib/testing/outbox-fixture";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// Per-account access: an agent acts only on the conversations of the accounts they are a member
// of. Anything else answers 404 with the very body a missing conversation or message gets, so
// nothing tells them it exists. Admins reach every account.

type THandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describeEachDatabase("conversation routes follow account membership", (ctx) => {
  let runtime: TRuntime;
  const cookies = { member: "", outsider: "", admin: "" };
  let shop: Awaited<ReturnType<typeof seedOutboxAccount>>;
  let conversationId = "";

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    shop = await seedOutboxAccount(ctx.db.prisma, "http://127.0.0.1:1");
    const elsewhere = await seedOutboxAccount(ctx.db.prisma, "http://127.0.0.1:1");
    cookies.member = await signedInCookie(runtime, { email: "member@example.com", role: "agent" });
    cookies.outsider = await signedInCookie(runtime, { email: "outsider@example.com", role: "agent" });
    cookies.admin = await signedInCookie(runtime, { email: "admin@example.com", role: "admin" });
    const userId = async (email: string) => (await ctx.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    await ctx.db.prisma.accountMember.createMany({
      data: [
        { accountId: shop.account.id, userId: await userId("member@example.com") },
        // The outsider works another account: membership somewhere is not membership here.
        { accountId: elsewhere.account.id, userId: await userId("outsider@example.com") },
      ],
    });
    ({ conversationId } = await shop.startConversation());
  });
  afterAll(() => setRuntime(undefined));

  const call = (handler: THandler, method: string, path: string, id: string, cookie: string, body?: unknown) =>
    handler(
      new NextRequest(`${TEST_APP_URL}${path}`, {
        method,
        headers: { cookie, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      { params: Promise.resolve({ id }) },
    );
  const getConversation = (id: string, cookie: string) =>
    call(conversationRoute.GET, "GET", `/api/conversations/${id}`, id, cookie);
  const listMessages = (id: string, cookie: string) =>
    call(messagesRoute.GET, "GET", `/api/conversations/${id}/messages`, id, cookie);
  const send = (id: string, cookie: string, text: string) =>
    call(messagesRoute.POST, "POST", `/api/conversations/${id}/messages`, id, cookie, {
      content: { kind: "text", text },
    });
  const read = (id: string, cookie: string) =>
    call(readRoute.POST, "POST", `/api/conversations/${id}/read`, id, cookie);
  const cancel = (id: string, cookie: string) =>
    call(cancelRoute.POST, "POST", `/api/messages/${id}/cancel`, id, cookie);
  const retry = (id: string, cookie: string) => call(retryRoute.POST, "POST", `/api/messages/${id}/retry`, id, cookie);

  /** The outsider gets exactly what a missing id gets: status and body. */
  const expectHidden = async (asOutsider: Promise<Response>, asMissing: () => Promise<Response>) => {
    const hidden = await asOutsider;
    const missing = await asMissing();
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
  };
  const messageCount = () => ctx.db.prisma.message.count({ where: { conversationId } });
  const statusOf = async (id: string) => (await ctx.db.prisma.message.findUniqueOrThrow({ where: { id } })).status;

  it("opens the conversation and its messages for a member and an admin, 404 for anyone else", async () => {
    for (const cookie of [cookies.member, cookies.admin]) {
      const conversation = await getConversation(conversationId, cookie);
      expect(conversation.status).toBe(200);
      expect(((await conversation.json()) as { conversation: { id: string } }).conversation.id).toBe(conversationId);
      expect((await listMessages(conversationId, cookie)).status).toBe(200);
    }
    await expectHidden(getConversation(conversationId, cookies.outsider), () =>
      getConversation("missing", cookies.outsider),
    );
    await expectHidden(listMessages(conversationId, cookies.outsider), () => listMessages("missing", cookies.outsider));
  });

  it("lets a member and an admin reply, and stores nothing an outsider sends", async () => {
    const before = await messageCount();
    expect((await send(conversationId, cookies.member, "from the member")).status).toBe(200);
    expect((await send(conversationId, cookies.admin, "from the admin")).status).toBe(200);
    await expectHidden(send(conversationId, cookies.outsider, "sneaky"), () =>
      send("missing", cookies.outsider, "sneaky"),
    );
    expect(await messageCount()).toBe(before + 2);
  });

  it("marks read for a member and an admin only", async () => {
    expect((await read(conversationId, cookies.member)).status).toBe(200);
    expect((await read(conversationId, cookies.admin)).status).toBe(200);
    await expectHidden(read(conversationId, cookies.outsider), () => read("missing", cookies.outsider));
    const readers = await ctx.db.prisma.conversationRead.findMany({
      where: { conversationId },
      select: { user: { select: { email: true } } },
    });
    expect(readers.map((r) => r.user.email).sort()).toEqual(["admin@example.com", "member@example.com"]);
  });

  it("cancels a queued reply for a member and an admin; an outsider's cancel is a 404 and changes nothing", async () => {
    const forMember = await shop.reply(conversationId, "cancel me");
    // Orders per conversation do not matter to cancel: any QUEUED reply can be withdrawn.
    const forAdmin = await shop.reply(conversationId, "cancel me too");
    await expectHidden(cancel(forMember.id, cookies.outsider), () => cancel("missing", cookies.outsider));
    expect(await statusOf(forMember.id)).toBe("QUEUED");
    expect((await cancel(forMember.id, cookies.member)).status).toBe(200);
    expect((await cancel(forAdmin.id, cookies.admin)).status).toBe(200);
    expect([await statusOf(forMember.id), await statusOf(forAdmin.id)]).toEqual(["CANCELLED", "CANCELLED"]);
  });

  it("retries a failed reply for a member and an admin; an outsider's retry is a 404 and changes nothing", async () => {
    const failed = async (text: string) => {
      const message = await shop.reply(conversationId, text);
      await ctx.db.prisma.message.update({ where: { id: message.id }, data: { status: "FAILED", retryable: true } });
      return message.id;
    };
    const forMember = await failed("retry me");
    const forAdmin = await failed("retry me too");
    await expectHidden(retry(forMember, cookies.outsider), () => retry("missing", cookies.outsider));
    expect(await statusOf(forMember)).toBe("FAILED");
    expect((await retry(forMember, cookies.member)).status).toBe(200);
    expect((await retry(forAdmin, cookies.admin)).status).toBe(200);
    expect([await statusOf(forMember), await statusOf(forAdmin)]).toEqual(["QUEUED", "QUEUED"]);
  });

  it("follows a membership removed: the former member gets 404 at once", async () => {
    const member = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "member@example.com" } });
    await ctx.db.prisma.accountMember.delete({
      where: { accountId_userId: { accountId: shop.account.id, userId: member.id } },
    });
    await expectHidden(getConversation(conversationId, cookies.member), () =>
      getConversation("missing", cookies.member),
    );
    expect((await getConversation(conversationId, cookies.admin)).status).toBe(200);
  });
});
