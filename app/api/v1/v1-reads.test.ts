import { afterAll, beforeAll, expect, it } from "vitest";
import { expectDescribed } from "@/lib/api-v1/expect-described";
import { ZV1ReportOverview, ZV1SavedReplyList, ZV1SearchResults } from "@/lib/api-v1/schemas";
import { ZReportQuery } from "@/lib/reports/schemas";
import { setRuntime } from "@/lib/runtime";
import { getReportOverview } from "@/lib/server/reports/get-report-overview";
import { resolveReportScope } from "@/lib/server/reports/resolve-report-scope";
import { callApi, seedApiShops } from "@/lib/testing/api-fixture";
import { describeEachDatabase } from "@/lib/testing/databases";
import { customerWrites } from "@/lib/testing/search-fixture";
import * as overviewRoute from "./reports/overview/route";
import * as savedRepliesRoute from "./saved-replies/route";
import * as searchRoute from "./search/route";

// What the public API reads besides conversations (issue 21), with tokens only: the saved
// replies, search and the reports' overview, each over the accounts the token may reach.

describeEachDatabase("the public API's saved replies, search and reports", (ctx) => {
  let shopAccount = "";
  let otherAccount = "";
  let shopReader = "";
  let allReader = "";
  let reports = "";
  let shopReports = "";

  const search = (token: string, query: string) => callApi(searchRoute.GET, { token, path: `/search?${query}` });
  const overview = (token: string, query = "") =>
    callApi(overviewRoute.GET, { token, path: `/reports/overview${query}` });

  beforeAll(async () => {
    const seeded = await seedApiShops(ctx.db);
    shopAccount = seeded.shop.account.id;
    otherAccount = (
      await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: seeded.foreign }, select: { accountId: true } })
    ).accountId;
    shopReader = await seeded.token("Shop reader", ["conversations:read"], "shop");
    allReader = await seeded.token("Reader", ["conversations:read"], "all");
    reports = await seeded.token("BI", ["reports:read"], "all");
    shopReports = await seeded.token("Shop BI", ["reports:read"], "shop");

    // Written as webhooks are: each also records its report facts (opened, a message in).
    const now = Date.now();
    const customer = (n: number) => ({ igsid: `55500${n}`, name: `Jo ${n}`, username: `jo.${n}` });
    await customerWrites(ctx.db.prisma, shopAccount, customer(1), "Where is my parcel?", new Date(now - 3000));
    await customerWrites(ctx.db.prisma, shopAccount, customer(2), "The parcel came damaged", new Date(now - 2000));
    await customerWrites(ctx.db.prisma, otherAccount, customer(3), "Parcel never arrived", new Date(now - 1000));

    const author = seeded.shop.author.id;
    await ctx.db.prisma.savedReply.createMany({
      data: [
        { code: "thanks", title: "Thanks", content: { kind: "text", text: "Thank you!" }, authorId: author },
        { code: "hours", title: "Hours", content: { kind: "text", text: "We open at 9." }, authorId: author },
        // Written before a limit was tightened: it cannot be sent, so it is not offered.
        { code: "broken", title: "Broken", content: { kind: "text", text: "" }, authorId: author },
      ],
    });
  });
  afterAll(() => setRuntime(undefined));

  it("lists the saved replies a token may send, by code", async () => {
    const listed = await callApi(savedRepliesRoute.GET, { token: shopReader, path: "/saved-replies" });
    expect(listed.status).toBe(200);
    const replies = ZV1SavedReplyList.parse(await expectDescribed(listed, "GET", "/saved-replies"));
    expect(replies.data.map((r) => [r.code, r.content])).toEqual([
      ["hours", { kind: "text", text: "We open at 9." }],
      ["thanks", { kind: "text", text: "Thank you!" }],
    ]);
    expect(replies.nextCursor).toBeNull();
  });

  it("searches the token's accounts only, in pages", async () => {
    const found = await search(shopReader, "q=parcel");
    expect(found.status).toBe(200);
    const results = ZV1SearchResults.parse(await expectDescribed(found, "GET", "/search"));
    expect(results.terms).toEqual(["parcel"]);
    expect(results.messages.map((m) => m.message.snippet)).toEqual(["The parcel came damaged", "Where is my parcel?"]);
    expect(results.messages.every((m) => m.conversation.accountName === "Shop")).toBe(true);
    expect(results.nextCursor).toBeNull();

    const all = ZV1SearchResults.parse(await (await search(allReader, "q=parcel&limit=2")).json());
    expect(all.messages.map((m) => m.message.snippet)).toEqual(["Parcel never arrived", "The parcel came damaged"]);
    const next = await search(allReader, `q=parcel&limit=2&cursor=${encodeURIComponent(all.nextCursor ?? "")}`);
    const rest = ZV1SearchResults.parse(await expectDescribed(next, "GET", "/search"));
    expect(rest.messages.map((m) => m.message.snippet)).toEqual(["Where is my parcel?"]);
    expect(rest.nextCursor).toBeNull();

    const contacts = ZV1SearchResults.parse(await (await search(shopReader, "q=jo")).json());
    expect(contacts.contacts.map((c) => c.username).sort()).toEqual(["jo.1", "jo.2"]);

    for (const query of ["q=", "q=parcel&limit=51", "q=parcel&page=2"]) {
      const refused = await search(shopReader, query);
      expect(refused.status, query).toBe(400);
      await expectDescribed(refused, "GET", "/search");
    }
  });

  it("gives the reports' figures over the token's accounts, and 404 for another account", async () => {
    const all = await overview(reports);
    expect(all.status).toBe(200);
    const figures = ZV1ReportOverview.parse(await expectDescribed(all, "GET", "/reports/overview")).figures;
    expect([figures.opened.value, figures.messagesIn.value]).toEqual([3, 3]);
    // Reports → Overview's own figures, as an admin sees them.
    const prisma = ctx.db.prisma;
    const admin = { id: "admin", role: "admin" };
    const query = ZReportQuery.parse({});
    expect(figures).toEqual(
      (await getReportOverview(prisma, await resolveReportScope(prisma, { user: admin, query, now: new Date() })))
        .figures,
    );

    const shop = ZV1ReportOverview.parse(await (await overview(shopReports, "?range=7d&granularity=hour")).json());
    expect([shop.figures.opened.value, shop.figures.messagesIn.value]).toEqual([2, 2]);
    expect(shop.period.granularity).toBe("hour");
    const byAccount = ZV1ReportOverview.parse(
      await (await overview(reports, `?accountId=${otherAccount}&businessHours=on`)).json(),
    );
    expect([byAccount.figures.opened.value, byAccount.figures.messagesIn.value]).toEqual([1, 1]);

    const hidden = await overview(shopReports, `?accountId=${otherAccount}`);
    const missing = await overview(shopReports, "?accountId=nope");
    expect(hidden.status).toBe(404);
    await expectDescribed(hidden, "GET", "/reports/overview");
    expect(await hidden.json()).toEqual(await missing.json());
    for (const query of ["?range=custom", "?range=year", "?colour=red"]) {
      const refused = await overview(reports, query);
      expect(refused.status, query).toBe(400);
      await expectDescribed(refused, "GET", "/reports/overview");
    }
  });

  it("refuses each route to a token without its scope, naming it", async () => {
    for (const [response, path, required] of [
      [
        await callApi(savedRepliesRoute.GET, { token: reports, path: "/saved-replies" }),
        "/saved-replies",
        "conversations:read",
      ],
      [await search(reports, "q=parcel"), "/search", "conversations:read"],
      [await overview(allReader), "/reports/overview", "reports:read"],
    ] as const) {
      expect(response.status, path).toBe(403);
      await expectDescribed(response, "GET", path);
      expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN", details: { required } } });
    }
  });
});
