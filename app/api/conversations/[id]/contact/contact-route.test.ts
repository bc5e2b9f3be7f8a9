import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as contactRoute from "@/app/api/conversations/[id]/contact/route";
import { ZContactAnswer } from "@/lib/contacts/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { CONVERSATION_NOT_FOUND } from "@/lib/server/access/assert-conversation-access";
import { createDemoMessage } from "@/lib/server/demo/create-demo-message";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// The contact panel's data and the customer notes: who may read and write them (404 as for a
// missing conversation otherwise), and two agents saving at once never overwrite silently (409).

describeEachDatabase("contact panel route", (ctx) => {
  let runtime: TRuntime;
  let sam: string;
  let ada: string;
  let outsider: string;
  let conversationId: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    sam = await signedInCookie(runtime, { email: "sam@example.com", role: "agent" });
    ada = await signedInCookie(runtime, { email: "ada@example.com", role: "agent" });
    outsider = await signedInCookie(runtime, { email: "out@example.com", role: "agent" });
    const shop = await createTestAccount(ctx.db.prisma, { displayName: "Our shop" });
    for (const email of ["sam@example.com", "ada@example.com"]) {
      const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email } });
      await ctx.db.prisma.accountMember.create({ data: { accountId: shop.id, userId: user.id } });
    }
    const customer = { accountId: shop.id, igsid: "9300000000000001", name: "Jane Doe", username: "jane.doe" };
    await createDemoMessage(ctx.db.prisma, { ...customer, text: "hello", now: new Date("2026-11-01T10:00:00Z") });
    await createDemoMessage(ctx.db.prisma, { ...customer, text: "again", now: new Date("2026-11-03T09:30:00Z") });
    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow({ where: { accountId: shop.id } });
    conversationId = conversation.id;
    // An agent's reply and a system line: the reply counts, the system line does not.
    await ctx.db.prisma.message.createMany({
      data: [
        {
          conversationId,
          direction: "OUTBOUND",
          kind: "TEXT",
          content: { text: "hi Jane" },
          status: "DELIVERED",
          sentAt: new Date("2026-11-03T09:40:00Z"),
        },
        {
          conversationId,
          direction: "INTERNAL",
          kind: "SYSTEM",
          content: { event: "resolved", actorName: "Sam" },
          status: "RECEIVED",
          sentAt: new Date("2026-11-03T09:50:00Z"),
        },
      ],
    });
  });
  afterAll(() => setRuntime(undefined));

  const path = () => `/api/conversations/${conversationId}/contact`;
  const params = () => ({ params: Promise.resolve({ id: conversationId }) });
  const get = (cookie: string) =>
    contactRoute.GET(new NextRequest(`${TEST_APP_URL}${path()}`, { headers: { cookie } }), params());
  const patch = (cookie: string, body: unknown) =>
    contactRoute.PATCH(
      new NextRequest(`${TEST_APP_URL}${path()}`, {
        method: "PATCH",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      params(),
    );

  it("shows the customer, the first and last contact and the message counts", async () => {
    const response = await get(sam);
    expect(response.status).toBe(200);
    const { contact } = ZContactAnswer.parse(await response.json());
    expect(contact).toMatchObject({
      name: "Jane Doe",
      username: "jane.doe",
      igsid: "9300000000000001",
      accountName: "Our shop",
      firstContactAt: "2026-11-01T10:00:00.000Z",
      lastContactAt: "2026-11-03T09:40:00.000Z",
      messages: { customer: 2, total: 3 },
      notes: "",
      notesUpdatedAt: null,
      notesUpdatedBy: null,
    });
  });

  it("answers 404 in the words of a missing conversation to an agent who cannot see it, and writes nothing", async () => {
    for (const response of [await get(outsider), await patch(outsider, { notes: "mine", notesUpdatedAt: null })]) {
      expect(response.status).toBe(404);
      expect((await response.json()).error.message).toBe(CONVERSATION_NOT_FOUND);
    }
    expect((await ctx.db.prisma.contact.findFirstOrThrow()).notes).toBe("");
  });

  it("saves notes with who and when, and refuses a stale save with 409 and the current notes", async () => {
    const saved = await patch(sam, { notes: "Prefers English.", notesUpdatedAt: null });
    expect(saved.status).toBe(200);
    const first = ZContactAnswer.parse(await saved.json()).contact;
    expect(first).toMatchObject({ notes: "Prefers English.", notesUpdatedBy: { name: "sam" } });
    expect(first.notesUpdatedAt).not.toBeNull();

    // Ada started from the empty notes, before Sam saved: refused, and told what Sam wrote.
    const stale = await patch(ada, { notes: "VIP customer", notesUpdatedAt: null });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.message).toMatch(/sam changed these notes/);
    expect(body.error.details.contact).toMatchObject({ notes: "Prefers English.", notesUpdatedBy: { name: "sam" } });
    expect((await ctx.db.prisma.contact.findFirstOrThrow()).notes).toBe("Prefers English.");

    // From Sam's version, Ada's save goes through.
    const fresh = await patch(ada, { notes: "Prefers English. VIP.", notesUpdatedAt: first.notesUpdatedAt });
    expect(fresh.status).toBe(200);
    expect(ZContactAnswer.parse(await fresh.json()).contact).toMatchObject({
      notes: "Prefers English. VIP.",
      notesUpdatedBy: { name: "ada" },
    });
  });

  it("refuses notes over 5000 characters and a bad version, with the reason", async () => {
    const current = ZContactAnswer.parse(await (await get(sam)).json()).contact;
    const long = await patch(sam, { notes: "x".repeat(5001), notesUpdatedAt: current.notesUpdatedAt });
    expect(long.status).toBe(400);
    expect((await long.json()).error.message).toMatch(/at most 5000/);
    const bad = await patch(sam, { notes: "ok", notesUpdatedAt: "yesterday" });
    expect(bad.status).toBe(400);
    expect((await ctx.db.prisma.contact.findFirstOrThrow()).notes).toBe("Prefers English. VIP.");
  });
});
