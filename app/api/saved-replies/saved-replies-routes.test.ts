import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as itemRoute from "@/app/api/saved-replies/[id]/route";
import * as listRoute from "@/app/api/saved-replies/route";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// Saved replies over HTTP: shared by every agent, changed only by their author or an admin;
// bad bodies answer 400 with the reason, a taken code 409, and a refused write changes nothing.

const carousel = {
  kind: "carousel",
  cards: [
    { header: "Hi {{customer.name}}", text: "Our boots" },
    { header: "Sneakers", buttons: [{ kind: "reply", label: "Want", postbackData: "WANT" }] },
  ],
};

describeEachDatabase("saved reply routes", (ctx) => {
  let runtime: TRuntime;
  let admin: string;
  let author: string;
  let other: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    admin = await signedInCookie(runtime, { email: "boss@example.com", role: "admin" });
    author = await signedInCookie(runtime, { email: "writer@example.com", role: "agent" });
    other = await signedInCookie(runtime, { email: "other@example.com", role: "agent" });
  });
  afterAll(() => setRuntime(undefined));

  const request = (cookie: string, method: string, path: string, body?: unknown) =>
    new NextRequest(`${TEST_APP_URL}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const noParams = { params: Promise.resolve({}) };
  const params = (id: string) => ({ params: Promise.resolve({ id }) });
  const create = (cookie: string, body: unknown) =>
    listRoute.POST(request(cookie, "POST", "/api/saved-replies", body), noParams);
  const patch = (cookie: string, id: string, body: unknown) =>
    itemRoute.PATCH(request(cookie, "PATCH", `/api/saved-replies/${id}`, body), params(id));
  const remove = (cookie: string, id: string) =>
    itemRoute.DELETE(request(cookie, "DELETE", `/api/saved-replies/${id}`), params(id));
  const stored = (code: string) => ctx.db.prisma.savedReply.findUnique({ where: { code } });

  it("lets an agent save a reply that every agent then lists, placeholders unfilled", async () => {
    const created = await create(author, { code: "Boots", title: "Boots carousel", content: carousel });
    expect(created.status).toBe(200);
    const { savedReply } = await created.json();
    expect(savedReply).toMatchObject({
      code: "boots",
      title: "Boots carousel",
      content: carousel,
      authorName: "writer",
    });

    const list = await listRoute.GET(request(other, "GET", "/api/saved-replies"), noParams);
    expect((await list.json()).savedReplies).toEqual([savedReply]);
    const anonymous = await listRoute.GET(request("", "GET", "/api/saved-replies"), noParams);
    expect(anonymous.status).toBe(401);
  });

  it("refuses bad bodies with the reason and stores nothing", async () => {
    const cases = [
      [{ code: "two words", title: "T", content: { kind: "text", text: "x" } }, /code: can only hold/],
      [{ code: "t", title: "", content: { kind: "text", text: "x" } }, /title: is required/],
      [{ code: "t", title: "T", content: { kind: "text", text: "x".repeat(1001) } }, /at most 1000 characters/],
      [{ code: "t", title: "T", content: { kind: "text", text: "Hi {{customer.phone}}" } }, /Unknown placeholder/],
      [
        { code: "t", title: "T", content: { kind: "carousel", cards: [{ header: "Only one", text: "x" }] } },
        /at least 2/,
      ],
    ] as const;
    for (const [body, reason] of cases) {
      const response = await create(author, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(reason);
    }
    expect(await stored("t")).toBeNull();
  });

  it("answers 409 to a taken code, on create and on update, leaving both replies as they were", async () => {
    const taken = await create(other, { code: "boots", title: "Other boots", content: { kind: "text", text: "x" } });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toMatch(/“\/boots” is taken/);

    const mine = await (
      await create(other, { code: "hello", title: "Hello", content: { kind: "text", text: "Hi" } })
    ).json();
    const clash = await patch(other, mine.savedReply.id, { code: "boots", title: "Renamed" });
    expect(clash.status).toBe(409);
    expect(await stored("hello")).toMatchObject({ title: "Hello" });
    expect(await stored("boots")).toMatchObject({ title: "Boots carousel" });
  });

  it("lets only the author or an admin change or delete a reply, with the reason otherwise", async () => {
    const boots = await stored("boots");
    if (!boots) throw new Error("boots missing");

    const refused = await patch(other, boots.id, { title: "Mine now" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe(
      "Only writer, who wrote it, or an admin can change this saved reply.",
    );
    expect((await remove(other, boots.id)).status).toBe(403);
    expect(await stored("boots")).toMatchObject({ title: "Boots carousel" });

    const edited = await patch(author, boots.id, {
      title: "Boots",
      content: { kind: "text", text: "Hi {{agent.name}}" },
    });
    expect(edited.status).toBe(200);
    expect((await edited.json()).savedReply).toMatchObject({
      title: "Boots",
      content: { kind: "text", text: "Hi {{agent.name}}" },
    });

    const badEdit = await patch(admin, boots.id, { title: "Fine", content: { kind: "image" } });
    expect(badEdit.status).toBe(400);
    expect(await stored("boots")).toMatchObject({ title: "Boots" });

    expect((await patch(admin, boots.id, { code: "boots-2" })).status).toBe(200);
    expect((await remove(admin, boots.id)).status).toBe(200);
    expect(await stored("boots-2")).toBeNull();
    expect((await remove(admin, boots.id)).status).toBe(404);
  });

  it("leaves the reply of a removed author to the admins", async () => {
    const reply = await (
      await create(author, { code: "orphan", title: "Orphan", content: { kind: "text", text: "x" } })
    ).json();
    await ctx.db.prisma.savedReply.update({ where: { id: reply.savedReply.id }, data: { authorId: null } });
    const refused = await patch(author, reply.savedReply.id, { title: "Still mine?" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe("Only its author or an admin can change this saved reply.");
    expect((await patch(admin, reply.savedReply.id, { title: "Adopted" })).status).toBe(200);
  });
});
