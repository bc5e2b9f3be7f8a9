import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ZConversationPage } from "@/lib/conversations/summary";
import { ZMessagePage } from "@/lib/messages/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { ZSearchResults } from "@/lib/search/schemas";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { customerWrites, type TWritten } from "@/lib/testing/search-fixture";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { GET as listConversations } from "./conversations/route";
import { GET as listMessages } from "./conversations/[id]/messages/route";
import { GET as search } from "./search/route";

// A cursor comes back from the browser, so it may be anything: each forged one must be a 400
// with a reason, never a database error (500). Real cursors must still page.

const b64 = (text: string) => Buffer.from(text).toString("base64url");

/** Dates JavaScript parses but no database column holds, ids the columns cannot hold. */
const FORGED_KEYSET = [
  b64("-271821-04-20T00:00:00.000Z|c1"),
  b64("+275760-09-13T00:00:00.000Z|c1"),
  b64("0000-01-01T00:00:00.000Z|c1"),
  b64("2026-02-30T00:00:00.000Z|c1"),
  b64("2026-01-01|c1"),
  b64("2026-01-01T00:00:00.000Z|c\u0000x"),
  b64(`2026-01-01T00:00:00.000Z|${"x".repeat(200)}`),
  b64("2026-01-01T00:00:00.000Z|a|b"),
  b64("2026-01-01T00:00:00.000Z|"),
  "%%%",
];

const FORGED_SEQ = [
  b64("seq:9223372036854775808"),
  b64("seq:9999999999999999999"),
  b64("seq:-1"),
  b64("seq:1e3"),
  b64("seq:"),
  "not-a-cursor",
];

describeEachDatabase("forged paging cursors", (ctx) => {
  let runtime: TRuntime;
  let cookie: string;
  let written: TWritten;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "cursors@example.com", role: "admin" });
    const { id: accountId } = await createTestAccount(ctx.db.prisma);
    const t0 = Date.parse("2026-03-01T08:00:00Z");
    for (let i = 0; i < 3; i++) {
      const customer = { igsid: `50000${i}`, name: `Cleo ${i}`, username: `cleo${i}` };
      written = await customerWrites(ctx.db.prisma, accountId, customer, `paper boat ${i}`, new Date(t0 + i * 60_000));
      await customerWrites(ctx.db.prisma, accountId, customer, `paper kite ${i}`, new Date(t0 + i * 60_000 + 1000));
    }
  });
  afterAll(() => setRuntime(undefined));

  const get = (handler: typeof search, path: string, params: Record<string, string> = {}) =>
    handler(new NextRequest(`${TEST_APP_URL}${path}`, { headers: { cookie } }), { params: Promise.resolve(params) });
  const thread = (query: string) =>
    get(listMessages, `/api/conversations/${written.conversationId}/messages?${query}`, {
      id: written.conversationId,
    });

  const expectRefused = async (response: Response, label: string) => {
    expect(response.status, label).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code, label).toBe("BAD_REQUEST");
    expect(body.error.message, label).toMatch(/cursor/i);
  };

  it("refuses forged list and search cursors with 400 and a reason", async () => {
    for (const cursor of FORGED_KEYSET) {
      const q = encodeURIComponent(cursor);
      for (const sort of ["newest", "waiting", "closing"]) {
        await expectRefused(await get(listConversations, `/api/conversations?sort=${sort}&cursor=${q}`), cursor);
      }
      await expectRefused(await get(search, `/api/search?q=paper&cursor=${q}`), cursor);
    }
  });

  it("refuses forged thread cursors (older and newer) with 400 and a reason", async () => {
    for (const cursor of FORGED_SEQ) {
      const q = encodeURIComponent(cursor);
      await expectRefused(await thread(`cursor=${q}`), cursor);
      await expectRefused(await thread(`after=${q}`), cursor);
    }
  });

  it("refuses an anchor message id no column can hold with 400, not a database error", async () => {
    const response = await thread(`around=${encodeURIComponent("m\u0000x")}`);
    expect(response.status).toBe(400);
  });

  it("still pages with the cursors it hands out", async () => {
    const first = ZConversationPage.parse(await (await get(listConversations, "/api/conversations?limit=2")).json());
    expect(first.conversations).toHaveLength(2);
    const next = await get(listConversations, `/api/conversations?limit=2&cursor=${first.nextCursor ?? ""}`);
    expect(next.status).toBe(200);
    expect(ZConversationPage.parse(await next.json()).conversations).toHaveLength(1);

    const hits = ZSearchResults.parse(await (await get(search, "/api/search?q=paper&limit=4")).json());
    expect(hits.messages).toHaveLength(4);
    const more = await get(search, `/api/search?q=paper&limit=4&cursor=${hits.nextCursor ?? ""}`);
    expect(more.status).toBe(200);
    expect(ZSearchResults.parse(await more.json()).messages).toHaveLength(2);

    const newest = ZMessagePage.parse(await (await thread("limit=1")).json());
    const older = await thread(`limit=1&cursor=${newest.nextCursor ?? ""}`);
    expect(older.status).toBe(200);
    const olderPage = ZMessagePage.parse(await older.json());
    expect(olderPage.messages.map((m) => m.id)).toEqual([written.messageId]);
    // Newer than the newest message: an empty page, not an error.
    const back = await thread(`limit=1&after=${newest.nextCursor ?? ""}`);
    expect(back.status).toBe(200);
    expect(ZMessagePage.parse(await back.json()).messages).toEqual([]);
  });
});
