import { afterAll, beforeAll, expect, it } from "vitest";
import { expectDescribed } from "@/lib/api-v1/expect-described";
import { ZV1Message, ZV1NoteList } from "@/lib/api-v1/schemas";
import { setRuntime } from "@/lib/runtime";
import { callApi, seedApiShops } from "@/lib/testing/api-fixture";
import { describeEachDatabase } from "@/lib/testing/databases";
import * as notesRoute from "./route";

// Private notes through the public API (issue 21), with tokens only: the inbox's own notes, the
// token as their author ("via API: <token name>"), mentions as an agent's, and Idempotency-Key.

const PATH = "/conversations/{id}/notes";

describeEachDatabase("the public API's notes", (ctx) => {
  let conversation = "";
  let foreign = "";
  let writer = "";
  let reader = "";
  let writeOnly = "";
  let mia = "";

  const note = (id: string, token: string, text: string, headers: Record<string, string> = {}) =>
    callApi(notesRoute.POST, {
      token,
      path: `/conversations/${id}/notes`,
      method: "POST",
      params: { id },
      body: { text },
      headers,
    });
  const notes = (id: string, token: string, query = "") =>
    callApi(notesRoute.GET, { token, path: `/conversations/${id}/notes${query}`, params: { id } });
  const count = () => ctx.db.prisma.message.count({ where: { conversationId: conversation, kind: "NOTE" } });

  beforeAll(async () => {
    const seeded = await seedApiShops(ctx.db);
    ({ conversation, foreign } = seeded);
    writer = await seeded.token("Order system", ["conversations:read", "messages:write"], "shop");
    reader = await seeded.token("Reader", ["conversations:read"], "all");
    writeOnly = await seeded.token("Writer", ["messages:write"], "all");
    mia = (await ctx.db.prisma.user.create({ data: { email: "mia@example.com", name: "Mia", role: "agent" } })).id;
    await ctx.db.prisma.accountMember.create({ data: { accountId: seeded.shop.account.id, userId: mia } });
    // A reply in the thread, which the notes' list leaves out.
    await seeded.shop.reply(conversation, "We ship tomorrow");
  });
  afterAll(() => setRuntime(undefined));

  it("writes a note signed with the token's name, attributed to no person, mentioning an agent", async () => {
    const written = await note(conversation, writer, "  @Mia the parcel was returned  ");
    expect(written.status).toBe(201);
    const message = ZV1Message.parse(await expectDescribed(written, "POST", PATH));
    expect(message).toMatchObject({
      direction: "INTERNAL",
      kind: "NOTE",
      authorName: "via API: Order system",
      authorId: null,
      content: { text: "@Mia the parcel was returned", mentions: [{ userId: mia, name: "Mia" }] },
    });
    const stored = await ctx.db.prisma.message.findUniqueOrThrow({
      where: { id: message.id },
      include: { apiToken: { select: { name: true } } },
    });
    expect(stored).toMatchObject({ authorId: null, apiToken: { name: "Order system" } });
    expect(await ctx.db.prisma.mention.findMany({ where: { messageId: message.id } })).toMatchObject([{ userId: mia }]);
  });

  it("lists only the notes, newest first, in pages", async () => {
    await note(conversation, writer, "Second note");
    const first = await notes(conversation, reader, "?limit=1");
    expect(first.status).toBe(200);
    const page = ZV1NoteList.parse(await expectDescribed(first, "GET", PATH));
    expect(page.data.map((m) => m.content?.text)).toEqual(["Second note"]);
    expect(page.nextCursor).not.toBeNull();
    const next = await notes(conversation, reader, `?limit=1&cursor=${encodeURIComponent(page.nextCursor ?? "")}`);
    const older = ZV1NoteList.parse(await expectDescribed(next, "GET", PATH));
    expect(older.data.map((m) => m.content?.text)).toEqual(["@Mia the parcel was returned"]);
    const all = ZV1NoteList.parse(await (await notes(conversation, reader)).json());
    expect(all.data.every((m) => m.kind === "NOTE")).toBe(true);
    expect(all.nextCursor).toBeNull();
  });

  it("writes once for an Idempotency-Key, retried or raced, and refuses the key for another note", async () => {
    const before = await count();
    const key = { "idempotency-key": `note-${Date.now()}` };
    const first = await note(conversation, writer, "Refund approved", key);
    const again = await note(conversation, writer, "Refund approved", key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    await expectDescribed(again, "POST", PATH);
    expect(await again.json()).toEqual(await first.json());
    expect(await count()).toBe(before + 1);
    const reused = await note(conversation, writer, "Refund refused", key);
    expect(reused.status).toBe(422);
    await expectDescribed(reused, "POST", PATH);
    expect(await count()).toBe(before + 1);

    // Three at once with one new key: one note, three identical answers.
    const raced = { "idempotency-key": `race-${Date.now()}` };
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => note(conversation, writer, "Refund sent", raced)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const ids = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    expect(await count()).toBe(before + 2);
  });

  it("refuses a token without the scope, naming it, and another account's conversation as missing", async () => {
    const cannotWrite = await note(conversation, reader, "hello");
    expect(cannotWrite.status).toBe(403);
    await expectDescribed(cannotWrite, "POST", PATH);
    expect(await cannotWrite.json()).toMatchObject({
      error: { code: "FORBIDDEN", details: { required: "messages:write" } },
    });
    const cannotRead = await notes(conversation, writeOnly);
    expect(cannotRead.status).toBe(403);
    await expectDescribed(cannotRead, "GET", PATH);
    expect(await cannotRead.json()).toMatchObject({ error: { details: { required: "conversations:read" } } });

    const before = await ctx.db.prisma.message.count({ where: { conversationId: foreign, kind: "NOTE" } });
    const hidden = await note(foreign, writer, "hello");
    const missing = await note("nope", writer, "hello");
    expect(hidden.status).toBe(404);
    await expectDescribed(hidden, "POST", PATH);
    expect(await hidden.json()).toEqual(await missing.json());
    const hiddenList = await notes(foreign, writer);
    expect(hiddenList.status).toBe(404);
    await expectDescribed(hiddenList, "GET", PATH);
    expect(await ctx.db.prisma.message.count({ where: { conversationId: foreign, kind: "NOTE" } })).toBe(before);

    const empty = await note(conversation, writer, "   ");
    expect(empty.status).toBe(400);
    await expectDescribed(empty, "POST", PATH);
  });
});
