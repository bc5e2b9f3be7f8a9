import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as csvRoute from "@/app/api/admin/reports/tables/[by]/csv/route";
import * as tableRoute from "@/app/api/admin/reports/tables/[by]/route";
import * as overviewRoute from "@/app/api/admin/reports/overview/route";
import * as performanceRoute from "@/app/api/me/performance/route";
import { ZReportOverview, ZReportTable } from "@/lib/reports/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// Reports over HTTP: admins only (an agent gets My performance, their own figures), the query
// in the URL, the answer in its schema, and the CSV download holding the table's rows.

type THandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describeEachDatabase("report routes", (ctx) => {
  let runtime: TRuntime;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    admin = await signedInCookie(runtime, { email: "lead@example.com", role: "admin" });
    agent = await signedInCookie(runtime, { email: "sam@example.com", role: "agent" });
    const prisma = ctx.db.prisma;
    const samId = (await prisma.user.findUniqueOrThrow({ where: { email: "sam@example.com" } })).id;
    const other = await prisma.user.create({
      data: { email: "x@example.com", name: '=Eve, "the fast"', role: "agent" },
    });
    const shop = await createTestAccount(prisma, { displayName: "Our shop" });
    await prisma.accountMember.create({ data: { accountId: shop.id, userId: samId } });
    const contact = await prisma.contact.create({ data: { accountId: shop.id, igsid: "1" } });
    const conversation = await prisma.conversation.create({
      data: { accountId: shop.id, contactId: contact.id, lastMessageAt: new Date() },
    });
    const at = new Date(Date.now() - 60_000);
    const base = { at, accountId: shop.id, conversationId: conversation.id };
    await prisma.reportEvent.createMany({
      data: [
        { ...base, kind: "OPENED" },
        { ...base, kind: "MESSAGE_IN" },
        { ...base, kind: "MESSAGE_OUT", agentId: samId },
        { ...base, kind: "FIRST_RESPONSE", agentId: samId, seconds: 42 },
        { ...base, kind: "MESSAGE_OUT", agentId: other.id },
        { ...base, kind: "MESSAGE_OUT", agentId: other.id },
      ],
    });
  });
  afterAll(() => setRuntime(undefined));

  function call(handler: THandler, path: string, cookie: string, params: Record<string, string> = {}) {
    const request = new NextRequest(`${TEST_APP_URL}${path}`, { headers: { cookie } });
    return handler(request, { params: Promise.resolve(params) });
  }

  it("answers the overview to an admin and refuses an agent", async () => {
    const answer = await call(overviewRoute.GET, "/api/admin/reports/overview?range=7d", admin);
    expect(answer.status).toBe(200);
    const overview = ZReportOverview.parse(await answer.json());
    expect([overview.figures.opened.value, overview.figures.messagesOut.value]).toEqual([1, 3]);
    expect(overview.period.granularity).toBe("day");
    expect((await call(overviewRoute.GET, "/api/admin/reports/overview", agent)).status).toBe(403);
  });

  it("refuses a query it cannot read", async () => {
    const answer = await call(overviewRoute.GET, "/api/admin/reports/overview?range=custom&from=2026-02-01", admin);
    expect(answer.status).toBe(400);
  });

  it("gives an agent their own figures only", async () => {
    const answer = await call(performanceRoute.GET, "/api/me/performance?range=7d", agent);
    expect(answer.status).toBe(200);
    const mine = ZReportOverview.parse(await answer.json());
    expect([mine.figures.messagesOut.value, mine.figures.firstResponseMedian.value, mine.figures.opened.value]).toEqual(
      [1, 42, null],
    );
    const elsewhere = await call(performanceRoute.GET, "/api/me/performance?accountId=not-mine", agent);
    expect(elsewhere.status).toBe(404);
  });

  it("tables by agent, sorted as asked, and downloads the same rows as CSV", async () => {
    const query = "?range=7d&sort=repliesSent&dir=desc";
    const answer = await call(tableRoute.GET, `/api/admin/reports/tables/agents${query}`, admin, { by: "agents" });
    const table = ZReportTable.parse(await answer.json());
    expect(table.rows.map((r) => [r.name, r.repliesSent])).toEqual([
      ['=Eve, "the fast"', 2],
      ["sam", 1],
    ]);
    const csv = await call(csvRoute.GET, `/api/admin/reports/tables/agents/csv${query}`, admin, { by: "agents" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="report-agents-[\d-]+-to-[\d-]+\.csv"$/,
    );
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toMatch(/^Agent,Conversations handled,/);
    expect(lines.slice(1, 3)).toEqual([`"'=Eve, ""the fast""",1,,,,2,,0,0,`, "sam,1,42,42,,1,,0,0,"]);
    expect(lines).toHaveLength(4);
    const unknown = await call(csvRoute.GET, "/api/admin/reports/tables/moods/csv", admin, { by: "moods" });
    expect(unknown.status).toBe(404);
  });
});
