import { afterAll, beforeAll, expect, it } from "vitest";
import { expectDescribed } from "@/lib/api-v1/expect-described";
import { ZV1Conversation, ZV1LabelList } from "@/lib/api-v1/schemas";
import { setRuntime } from "@/lib/runtime";
import { callApi, seedApiShops } from "@/lib/testing/api-fixture";
import { describeEachDatabase } from "@/lib/testing/databases";
import * as labelsRoute from "../../../labels/route";
import * as removeRoute from "./[labelId]/route";
import * as addRoute from "./route";

// Labels through the public API (issue 21): the team's labels, put on and taken off with the
// inbox's own service, the token as the one who acts.

describeEachDatabase("the public API's labels", (ctx) => {
  let conversation = "";
  let foreign = "";
  let manager = "";
  let reader = "";
  let vip = "";
  let shoes = "";

  const add = (id: string, token: string, labelId: string) =>
    callApi(addRoute.POST, {
      token,
      path: `/conversations/${id}/labels`,
      method: "POST",
      params: { id },
      body: { labelId },
    });
  const remove = (id: string, token: string, labelId: string) =>
    callApi(removeRoute.DELETE, {
      token,
      path: `/conversations/${id}/labels/${labelId}`,
      method: "DELETE",
      params: { id, labelId },
    });
  const labelsOf = async (id: string) =>
    (await ctx.db.prisma.conversationLabel.findMany({ where: { conversationId: id } })).map((l) => l.labelId).sort();

  beforeAll(async () => {
    const seeded = await seedApiShops(ctx.db);
    ({ conversation, foreign } = seeded);
    manager = await seeded.token("Order system", ["conversations:write"], "shop");
    reader = await seeded.token("Reader", ["conversations:read"], "shop");
    vip = (await ctx.db.prisma.label.create({ data: { name: "VIP", color: "amber" } })).id;
    shoes = (await ctx.db.prisma.label.create({ data: { name: "shoes", color: "blue" } })).id;
  });
  afterAll(() => setRuntime(undefined));

  it("lists every label, by name", async () => {
    const listed = await callApi(labelsRoute.GET, { token: reader, path: "/labels" });
    expect(listed.status).toBe(200);
    const labels = ZV1LabelList.parse(await expectDescribed(listed, "GET", "/labels"));
    expect(labels).toEqual({
      data: [
        { id: shoes, name: "shoes", color: "blue" },
        { id: vip, name: "VIP", color: "amber" },
      ],
      nextCursor: null,
    });
  });

  it("puts a label on and takes it off, each change once, answering the conversation", async () => {
    const added = await add(conversation, manager, vip);
    expect(added.status).toBe(200);
    const labelled = ZV1Conversation.parse(await expectDescribed(added, "POST", "/conversations/{id}/labels"));
    expect(labelled.labels.map((l) => l.name)).toEqual(["VIP"]);
    const again = ZV1Conversation.parse(await (await add(conversation, manager, vip)).json());
    expect(again.updatedAt).toBe(labelled.updatedAt);
    await add(conversation, manager, shoes);
    expect(await labelsOf(conversation)).toEqual([shoes, vip].sort());

    const removed = await remove(conversation, manager, vip);
    expect(removed.status).toBe(200);
    const left = ZV1Conversation.parse(
      await expectDescribed(removed, "DELETE", "/conversations/{id}/labels/{labelId}"),
    );
    expect(left.labels.map((l) => l.name)).toEqual(["shoes"]);
    expect((await remove(conversation, manager, vip)).status).toBe(200);
    expect(await labelsOf(conversation)).toEqual([shoes]);
  });

  it("refuses a token without conversations:write, naming it, and another account's conversation as missing", async () => {
    const refused = await add(conversation, reader, vip);
    expect(refused.status).toBe(403);
    await expectDescribed(refused, "POST", "/conversations/{id}/labels");
    expect(await refused.json()).toMatchObject({ error: { details: { required: "conversations:write" } } });
    const refusedRemove = await remove(conversation, reader, shoes);
    expect(refusedRemove.status).toBe(403);
    await expectDescribed(refusedRemove, "DELETE", "/conversations/{id}/labels/{labelId}");
    const cannotRead = await callApi(labelsRoute.GET, { token: manager, path: "/labels" });
    expect(cannotRead.status).toBe(403);
    await expectDescribed(cannotRead, "GET", "/labels");
    expect(await cannotRead.json()).toMatchObject({ error: { details: { required: "conversations:read" } } });

    const hidden = await add(foreign, manager, vip);
    const missing = await add("nope", manager, vip);
    expect(hidden.status).toBe(404);
    await expectDescribed(hidden, "POST", "/conversations/{id}/labels");
    expect(await hidden.json()).toEqual(await missing.json());
    const hiddenRemove = await remove(foreign, manager, vip);
    expect(hiddenRemove.status).toBe(404);
    await expectDescribed(hiddenRemove, "DELETE", "/conversations/{id}/labels/{labelId}");
    expect(await labelsOf(foreign)).toEqual([]);

    const unknown = await add(conversation, manager, "no-such-label");
    expect(unknown.status).toBe(404);
    await expectDescribed(unknown, "POST", "/conversations/{id}/labels");
    const bad = await callApi(addRoute.POST, {
      token: manager,
      path: `/conversations/${conversation}/labels`,
      method: "POST",
      params: { id: conversation },
      body: { labelId: vip, colour: "red" },
    });
    expect(bad.status).toBe(400);
    await expectDescribed(bad, "POST", "/conversations/{id}/labels");
  });
});
