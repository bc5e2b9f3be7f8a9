import { afterAll, beforeAll, expect, it } from "vitest";
import { expectDescribed } from "@/lib/api-v1/expect-described";
import { ZV1Contact, ZV1Conversation } from "@/lib/api-v1/schemas";
import { setRuntime } from "@/lib/runtime";
import { callApi, seedApiShops } from "@/lib/testing/api-fixture";
import { describeEachDatabase } from "@/lib/testing/databases";
import * as conversationRoute from "../../conversations/[id]/route";
import * as contactRoute from "./route";

// Contacts through the public API (issue 21): found from a conversation's contact.id, their
// notes saved with the contact panel's own service (and its rule against silent overwrites).

const PATH = "/contacts/{id}";

describeEachDatabase("the public API's contacts", (ctx) => {
  let contact = "";
  let foreignContact = "";
  let reader = "";
  let writer = "";

  const get = (id: string, token: string) =>
    callApi(contactRoute.GET, { token, path: `/contacts/${id}`, params: { id } });
  const save = (id: string, token: string, body: unknown) =>
    callApi(contactRoute.PATCH, { token, path: `/contacts/${id}`, method: "PATCH", params: { id }, body });

  beforeAll(async () => {
    const seeded = await seedApiShops(ctx.db);
    reader = await seeded.token("Reader", ["conversations:read"], "shop");
    writer = await seeded.token("CRM", ["conversations:write"], "shop");
    const conversation = await callApi(conversationRoute.GET, {
      token: reader,
      path: `/conversations/${seeded.conversation}`,
      params: { id: seeded.conversation },
    });
    contact = ZV1Conversation.parse(await conversation.json()).contact.id ?? "";
    foreignContact = (
      await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: seeded.foreign }, select: { contactId: true } })
    ).contactId;
  });
  afterAll(() => setRuntime(undefined));

  it("shows the contact a conversation names", async () => {
    expect(contact).not.toBe("");
    const shown = await get(contact, reader);
    expect(shown.status).toBe(200);
    const view = ZV1Contact.parse(await expectDescribed(shown, "GET", PATH));
    const row = await ctx.db.prisma.contact.findUniqueOrThrow({ where: { id: contact } });
    expect(view).toEqual({
      id: contact,
      accountId: row.accountId,
      igsid: row.igsid,
      name: null,
      username: null,
      notes: "",
      notesUpdatedAt: null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    });
  });

  it("saves the notes, naming the token (no person), and refuses to overwrite a newer version", async () => {
    const saved = await save(contact, writer, { notes: "Prefers DHL", notesUpdatedAt: null });
    expect(saved.status).toBe(200);
    const first = ZV1Contact.parse(await expectDescribed(saved, "PATCH", PATH));
    expect(first).toMatchObject({ id: contact, notes: "Prefers DHL", notesUpdatedAt: expect.any(String) });
    const row = await ctx.db.prisma.contact.findUniqueOrThrow({ where: { id: contact } });
    expect(row).toMatchObject({
      notes: "Prefers DHL",
      notesUpdatedById: null,
      notesUpdatedByApiTokenId: expect.any(String),
    });

    // Someone saved after the version this caller read: nothing is written.
    const stale = await save(contact, writer, { notes: "Prefers UPS", notesUpdatedAt: null });
    expect(stale.status).toBe(409);
    await expectDescribed(stale, "PATCH", PATH);
    expect((await ctx.db.prisma.contact.findUniqueOrThrow({ where: { id: contact } })).notes).toBe("Prefers DHL");

    const current = await save(contact, writer, { notes: "Prefers UPS", notesUpdatedAt: first.notesUpdatedAt });
    expect(ZV1Contact.parse(await current.json()).notes).toBe("Prefers UPS");
    // Without a version, the save wins.
    const blind = await save(contact, writer, { notes: "Prefers pick-up" });
    expect(blind.status).toBe(200);
    expect(ZV1Contact.parse(await (await get(contact, reader)).json()).notes).toBe("Prefers pick-up");
  });

  it("refuses a token without the scope, naming it, and another account's contact as missing", async () => {
    const cannotWrite = await save(contact, reader, { notes: "x" });
    expect(cannotWrite.status).toBe(403);
    await expectDescribed(cannotWrite, "PATCH", PATH);
    expect(await cannotWrite.json()).toMatchObject({ error: { details: { required: "conversations:write" } } });
    const cannotRead = await get(contact, writer);
    expect(cannotRead.status).toBe(403);
    await expectDescribed(cannotRead, "GET", PATH);
    expect(await cannotRead.json()).toMatchObject({ error: { details: { required: "conversations:read" } } });

    const hidden = await get(foreignContact, reader);
    const missing = await get("nope", reader);
    expect(hidden.status).toBe(404);
    await expectDescribed(hidden, "GET", PATH);
    expect(await hidden.json()).toEqual(await missing.json());
    const hiddenSave = await save(foreignContact, writer, { notes: "x" });
    const missingSave = await save("nope", writer, { notes: "x" });
    expect(hiddenSave.status).toBe(404);
    await expectDescribed(hiddenSave, "PATCH", PATH);
    expect(await hiddenSave.json()).toEqual(await missingSave.json());
    expect((await ctx.db.prisma.contact.findUniqueOrThrow({ where: { id: foreignContact } })).notes).toBe("");

    const tooLong = await save(contact, writer, { notes: "x".repeat(5001) });
    expect(tooLong.status).toBe(400);
    await expectDescribed(tooLong, "PATCH", PATH);
  });
});
