import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { ZSearchResults } from "@/lib/search/schemas";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { customerWrites } from "@/lib/testing/search-fixture";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { GET } from "./route";

describeEachDatabase("GET /api/search", (ctx) => {
  let runtime: TRuntime;
  let agentCookie: string;
  let adminCookie: string;
  let visible: string;
  let hidden: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    const prisma = ctx.db.prisma;
    const mine = await createTestAccount(prisma, { displayName: "Mine" });
    const theirs = await createTestAccount(prisma, { displayName: "Theirs" });
    const at = new Date("2026-02-01T09:00:00Z");
    visible = (await customerWrites(prisma, mine.id, { igsid: "1", name: "Vera", username: "vera" }, "blue kayak", at))
      .messageId;
    hidden = (await customerWrites(prisma, theirs.id, { igsid: "2", name: "Hugo", username: "hugo" }, "blue kite", at))
      .messageId;
    agentCookie = await signedInCookie(runtime, { email: "searcher@example.com", role: "agent" });
    adminCookie = await signedInCookie(runtime, { email: "search-admin@example.com", role: "admin" });
    const agent = await prisma.user.findUniqueOrThrow({ where: { email: "searcher@example.com" } });
    await prisma.accountMember.create({ data: { accountId: mine.id, userId: agent.id } });
  });
  afterAll(() => setRuntime(undefined));

  const get = (query: string, cookie = agentCookie) =>
    GET(new NextRequest(`${TEST_APP_URL}/api/search?${query}`, { headers: { cookie } }), {
      params: Promise.resolve({}),
    });
  const found = async (response: Response) =>
    ZSearchResults.parse(await response.json()).messages.map((hit) => hit.message.id);

  it("answers the agent with matches from their accounts only, and the admin with all", async () => {
    const asAgent = await get("q=blue");
    expect(asAgent.status).toBe(200);
    expect(await found(asAgent)).toEqual([visible]);
    expect((await found(await get("q=blue", adminCookie))).sort()).toEqual([visible, hidden].sort());
    expect((await get("q=blue")).headers.get("content-type")).toContain("application/json");
  });

  it("refuses an empty, blank or over-long query with 400 and the reason", async () => {
    for (const query of ["", "q=", `q=${encodeURIComponent("   ")}`, `q=${"a".repeat(201)}`, "q=blue&limit=0"]) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("BAD_REQUEST");
      expect(body.error.message, query).toMatch(/^Invalid query: (q|limit): /);
    }
    const long = (await get(`q=${"a".repeat(201)}`).then((r) => r.json())) as { error: { message: string } };
    expect(long.error.message).toContain("at most 200 characters");
  });

  it("answers any text with 200, never 500", async () => {
    const hostile = ["'", "&|!:*()", "\\", "a'b:*|c", "x".repeat(200), "!!!", "%00", "%F0%9F%8D%AB", "%E2%80%8B"];
    for (const raw of hostile) {
      const response = await get(`q=${raw.startsWith("%") ? raw : encodeURIComponent(raw)}`);
      expect(response.status, raw).toBe(200);
      expect(ZSearchResults.safeParse(await response.json()).success, raw).toBe(true);
    }
    expect((await get("q=blue&cursor=not-a-cursor")).status).toBe(400);
  });
});
