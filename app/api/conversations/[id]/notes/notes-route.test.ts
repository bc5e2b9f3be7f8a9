import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as notesRoute from "@/app/api/conversations/[id]/notes/route";
import { ZMessageView } from "@/lib/messages/schemas";
import { EVENTS, ROOMS } from "@/lib/realtime/events";
import { setRuntime, type TIo, type TRuntime } from "@/lib/runtime";
import { createDemoMessage } from "@/lib/server/demo/create-demo-message";
import { searchConversations } from "@/lib/server/search/search-conversations";
import { createUser } from "@/lib/server/users/create-user";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// POST /api/conversations/<id>/notes: who may write one, what is stored, who is told.

interface TEmitted {
  rooms: string[];
  event: string;
  payload: unknown;
}

/** Records what would go out to the browsers, room by room. */
function recordingIo(emitted: TEmitted[]): TIo {
  const to = (room: string) => {
    const rooms = [room];
    const chain = {
      to: (next: string) => (rooms.push(next), chain),
      emit: (event: string, payload: unknown) => (emitted.push({ rooms: [...rooms], event, payload }), true),
    };
    return chain;
  };
  return { to } as unknown as TIo;
}

describeEachDatabase("private notes route", (ctx) => {
  let runtime: TRuntime;
  const emitted: TEmitted[] = [];
  const cookies: Record<"author" | "samLee" | "outsider" | "boss", string> = {
    author: "",
    samLee: "",
    outsider: "",
    boss: "",
  };
  const ids: Record<keyof typeof cookies, string> = { author: "", samLee: "", outsider: "", boss: "" };
  let conversationId: string;
  let accountId: string;

  beforeAll(async () => {
    runtime = { ...createTestRuntime(ctx.db), io: recordingIo(emitted) };
    setRuntime(runtime);
    const prisma = ctx.db.prisma;
    accountId = (await createTestAccount(prisma)).id;
    const people = [
      ["author", "author@example.com", "Ada Author", "agent"],
      ["samLee", "sam.lee@example.com", "Sam Lee", "agent"],
      ["outsider", "outsider@example.com", "Olga Outsider", "agent"],
      ["boss", "boss@example.com", "Boss", "admin"],
    ] as const;
    for (const [key, email, name, role] of people) {
      const user = await createUser(
        { prisma, auth: runtime.auth },
        { email, name, role, password: "correct-horse-battery" },
      );
      ids[key] = user.id;
      cookies[key] = await signedInCookie(runtime, { email, role });
    }
    await prisma.accountMember.createMany({
      data: [
        { accountId, userId: ids.author },
        { accountId, userId: ids.samLee },
      ],
    });
    await createDemoMessage(prisma, {
      accountId,
      igsid: "9200000000000001",
      name: "Note Customer",
      username: "note.customer",
      text: "where is my parcel?",
      now: new Date(Date.now() - 60_000),
    });
    conversationId = (await prisma.conversation.findFirstOrThrow({ where: { accountId } })).id;
  });
  afterAll(() => setRuntime(undefined));

  const post = (cookie: string, body: unknown, id = conversationId) =>
    notesRoute.POST(
      new NextRequest(`${TEST_APP_URL}/api/conversations/${id}/notes`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ id }) },
    );
  const notesIn = (id = conversationId) =>
    ctx.db.prisma.message.findMany({ where: { conversationId: id, kind: "NOTE" }, orderBy: { seq: "asc" } });

  it("refuses an empty, blank or too long note with the reason, and stores nothing", async () => {
    for (const [body, reason] of [
      [{}, /Write the note first/],
      [{ text: "   \n " }, /Write the note first/],
      [{ text: "x".repeat(5001) }, /at most 5000 characters/],
      [{ text: 42 }, /Write the note first|string/],
    ] as const) {
      const response = await post(cookies.author, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(reason);
    }
    expect(await notesIn()).toHaveLength(0);
  });

  it("answers 401 signed out and 404 to an agent who may not see the conversation", async () => {
    expect((await post("", { text: "hello" })).status).toBe(401);
    const hidden = await post(cookies.outsider, { text: "hello" });
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).error.message).toBe("This conversation does not exist (any more).");
    expect((await post(cookies.author, { text: "hello" }, "no-such-conversation")).status).toBe(404);
    expect(await notesIn()).toHaveLength(0);
  });

  it("stores an INTERNAL note with its author, mentions only agents who can see it, and leaves the conversation as it was", async () => {
    const before = await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    emitted.length = 0;
    const text = "@sam lee please call them; @Olga Outsider and @Boss FYI (mail a@b.com)";
    const response = await post(cookies.author, { text: `  ${text}  `, clientId: "note-1" });
    expect(response.status).toBe(200);
    const message = ZMessageView.parse((await response.json()).message);
    expect(message).toMatchObject({
      direction: "INTERNAL",
      kind: "NOTE",
      status: "RECEIVED",
      authorName: "Ada Author",
      clientId: "note-1",
      content: {
        text,
        mentions: [
          { userId: ids.samLee, name: "Sam Lee" },
          { userId: ids.boss, name: "Boss" },
        ],
      },
    });
    const [row] = await notesIn();
    expect(row).toMatchObject({ id: message.id, authorId: ids.author, cmReference: null, searchText: text });
    const customer = await ctx.db.prisma.message.findFirstOrThrow({ where: { conversationId, direction: "INBOUND" } });
    expect(row!.seq > customer.seq).toBe(true);
    const mentions = await ctx.db.prisma.mention.findMany({ where: { messageId: message.id } });
    expect(mentions.map((m) => m.userId).sort()).toEqual([ids.samLee, ids.boss].sort());

    // Not the list's order or preview, not the window, the wait or the handover.
    expect(await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toEqual(before);

    // Every agent of the account and the admins see it; only the mentioned are told, each alone.
    const inbox = emitted.filter((e) => e.event === EVENTS.inboxChanged);
    expect(inbox).toEqual([
      {
        rooms: [ROOMS.account(accountId), ROOMS.admins],
        event: EVENTS.inboxChanged,
        payload: { conversations: [], created: [message], updated: [] },
      },
    ]);
    const told = emitted.filter((e) => e.event === EVENTS.mentionCreated);
    expect(told.map((e) => e.rooms)).toEqual([[ROOMS.user(ids.samLee)], [ROOMS.user(ids.boss)]]);
    expect(told[0]!.payload).toEqual({
      conversationId,
      messageId: message.id,
      authorName: "Ada Author",
      contactName: "Note Customer",
      excerpt: text,
    });
  });

  it("answers a resend with the same clientId with the note already stored", async () => {
    emitted.length = 0;
    const again = await post(cookies.author, { text: "@sam lee whatever", clientId: "note-1" });
    expect(again.status).toBe(200);
    const [first] = await notesIn();
    expect((await again.json()).message.id).toBe(first!.id);
    expect(await notesIn()).toHaveLength(1);
    expect(emitted).toEqual([]);
  });

  it("is allowed with the reply window closed and the chat handed over", async () => {
    await ctx.db.prisma.conversation.update({
      where: { id: conversationId },
      data: { lastInboundAt: new Date(Date.now() - 9 * 24 * 3600_000), handoverUntil: new Date(Date.now() + 3600_000) },
    });
    const response = await post(cookies.samLee, { text: "Window closed; I called the customer instead." });
    expect(response.status).toBe(200);
    expect(await notesIn()).toHaveLength(2);
    // A mention of nobody on the team, or of oneself, tells nobody.
    emitted.length = 0;
    expect((await post(cookies.samLee, { text: "@Sam Lee remember this, @Nobody" })).status).toBe(200);
    expect(emitted.filter((e) => e.event === EVENTS.mentionCreated)).toEqual([]);
  });

  it("is found by search, by agents who may see the conversation", async () => {
    const search = (accountIds: string[] | null) =>
      searchConversations(ctx.db.prisma, { query: "called customer", accountIds, limit: 20 });
    const found = await search([accountId]);
    expect(found.messages).toHaveLength(1);
    expect(found.messages[0]!.message).toMatchObject({ direction: "INTERNAL" });
    expect((await search([])).messages).toEqual([]);
  });
});
