import { NextRequest } from "next/server";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRuntime, type TRuntime } from "../runtime";
import { CONVERSATION_NOT_FOUND } from "../server/access/assert-conversation-access";
import { openTestDatabase } from "../testing/databases";
import { createTestAccount } from "../testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "../testing/test-runtime";
import { route, routeDeclaration } from "./route";
import { ZConversationLabelParams, ZIdParams } from "./route-params";

// The route wrapper's address segments: validated by the route's schema before its handler runs,
// after the access check; a segment that cannot be one of our ids names nothing (404).

describe("route params", () => {
  let runtime: TRuntime;
  let cookie: string;
  let close: () => Promise<void>;
  const seen: unknown[] = [];
  const one = route({ access: "signed-in", params: ZIdParams }, async ({ params }) => {
    seen.push(params);
    return { id: params.id };
  });
  const two = route({ access: "signed-in", params: ZConversationLabelParams }, async ({ params }) => params);

  beforeAll(async () => {
    const opened = await openTestDatabase("pglite");
    close = opened.close;
    runtime = createTestRuntime(opened.db);
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "sam@example.com", role: "agent" });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await close();
  });

  type THandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const call = (handler: THandler, params: Record<string, string>, withCookie = true) =>
    handler(new NextRequest(`${TEST_APP_URL}/api/x`, { headers: withCookie ? { cookie } : {} }), {
      params: Promise.resolve(params),
    });

  it("hands a valid id to the handler", async () => {
    for (const id of ["cmxb1bz4l0002497d1wlu27et", "353cee61-91dc-495d-865e-1e2bc37e1a55"]) {
      const response = await call(one, { id });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id });
    }
    const both = await call(two, { id: "c1", labelId: "l1" });
    expect(await both.json()).toEqual({ id: "c1", labelId: "l1" });
  });

  it("answers 404 with the reason for a segment that cannot be an id, without running the handler", async () => {
    seen.length = 0;
    for (const id of ["", "a b", "x".repeat(65), "id\u0000", "../admin", "ïd"]) {
      const response = await call(one, { id });
      expect(response.status, JSON.stringify(id)).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("NOT_FOUND");
      expect(body.error.message).toMatch(/^Nothing at this address \(id: not an id/);
    }
    const missing = await call(two, { id: "c1" });
    expect(missing.status).toBe(404);
    expect(seen).toEqual([]);
  });

  it("checks access before the address: signed out is 401 whatever the id", async () => {
    const response = await call(one, { id: "a b" }, false);
    expect(response.status).toBe(401);
  });
});

// The answer's schema: what the handler returns is sent as JSON carries it, cut to what the
// schema names; an answer that does not fit is our bug, a 500 that says nothing of it.
describe("route response", () => {
  let runtime: TRuntime;
  let cookie: string;
  let close: () => Promise<void>;
  const ZAnswer = z.object({ thing: z.object({ id: z.string(), at: z.string() }) });

  beforeAll(async () => {
    const opened = await openTestDatabase("pglite");
    close = opened.close;
    runtime = createTestRuntime(opened.db);
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "kim@example.com", role: "agent" });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await close();
  });

  const call = (handler: (request: NextRequest, context: object) => Promise<Response>) =>
    handler(new NextRequest(`${TEST_APP_URL}/api/x`, { headers: { cookie } }), {});

  it("answers only what the schema names, dates as ISO strings", async () => {
    const at = new Date("2026-01-02T03:04:05.000Z");
    const handler = route({ access: "signed-in", response: ZAnswer }, async () => ({
      thing: { id: "t1", at: at as unknown as string, secret: "internal" },
    }));
    const response = await call(handler);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ thing: { id: "t1", at: "2026-01-02T03:04:05.000Z" } });
  });

  it("answers 500 without details when the answer does not fit", async () => {
    const handler = route({ access: "signed-in", response: ZAnswer }, async () => ({ thing: { id: 1 } }) as never);
    const response = await call(handler);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: "INTERNAL", message: "Something went wrong on our side." },
    });
  });

  it("answers with the declared status, and passes a Response through untouched", async () => {
    const created = route({ access: "signed-in", response: ZAnswer, status: 201 }, async () => ({
      thing: { id: "t2", at: "now" },
    }));
    expect((await call(created)).status).toBe(201);
    const raw = route({ access: "signed-in", response: ZAnswer }, async () => new Response("plain", { status: 202 }));
    const answer = await call(raw);
    expect([answer.status, await answer.text()]).toEqual([202, "plain"]);
  });

  it("records what each handler was built with, for the sweeps", () => {
    const handler = route({ access: "admin", response: ZAnswer }, async () => ({ thing: { id: "t", at: "a" } }));
    expect(routeDeclaration(handler)).toMatchObject({ access: "admin", response: ZAnswer });
    expect(routeDeclaration(async () => new Response())).toBeUndefined();
  });
});

// `conversation: true`: the address's conversation through the one access rule, before the
// handler runs; another account's conversation is, to an agent, word for word a missing one.
describe("route conversation", () => {
  let runtime: TRuntime;
  let cookie: string;
  let close: () => Promise<void>;
  const ids = { ours: "", theirs: "", account: "" };
  const seen: unknown[] = [];
  const handler = route(
    {
      access: "signed-in",
      params: ZIdParams,
      conversation: true,
      response: z.object({ id: z.string(), accountId: z.string() }),
    },
    async ({ conversation }) => {
      seen.push(conversation.id);
      return conversation;
    },
  );

  beforeAll(async () => {
    const opened = await openTestDatabase("pglite");
    close = opened.close;
    runtime = createTestRuntime(opened.db);
    setRuntime(runtime);
    const prisma = opened.db.prisma;
    cookie = await signedInCookie(runtime, { email: "lee@example.com", role: "agent" });
    const userId = (await prisma.user.findUniqueOrThrow({ where: { email: "lee@example.com" } })).id;
    const [ours, theirs] = [await createTestAccount(prisma), await createTestAccount(prisma)];
    await prisma.accountMember.create({ data: { accountId: ours.id, userId } });
    for (const [key, account, igsid] of [
      ["ours", ours, "6000000001"],
      ["theirs", theirs, "6000000002"],
    ] as const) {
      const contact = await prisma.contact.create({ data: { accountId: account.id, igsid } });
      ids[key] = (
        await prisma.conversation.create({
          data: { accountId: account.id, contactId: contact.id, lastMessageAt: new Date() },
        })
      ).id;
    }
    ids.account = ours.id;
  });
  afterAll(async () => {
    setRuntime(undefined);
    await close();
  });

  const call = (id: string) =>
    handler(new NextRequest(`${TEST_APP_URL}/api/x`, { headers: { cookie } }), { params: Promise.resolve({ id }) });

  it("hands the handler a conversation the user may see, with its account", async () => {
    const response = await call(ids.ours);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: ids.ours, accountId: ids.account });
  });

  it("answers another account's conversation as a missing one, without running the handler", async () => {
    seen.length = 0;
    const answers = await Promise.all(
      [call(ids.theirs), call("missing")].map(async (r) => [(await r).status, await (await r).json()]),
    );
    expect(answers).toEqual([
      [404, { error: { code: "NOT_FOUND", message: CONVERSATION_NOT_FOUND } }],
      [404, { error: { code: "NOT_FOUND", message: CONVERSATION_NOT_FOUND } }],
    ]);
    expect(seen).toEqual([]);
  });
});
