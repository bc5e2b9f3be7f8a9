import { beforeAll, expect, it } from "vitest";
import type { PrismaClient, ReportEventKind } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { ZReportQuery, ZReportTableQuery } from "@/lib/reports/schemas";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { getReportOverview } from "./get-report-overview";
import { getReportTable } from "./get-report-table";
import { resolveReportScope } from "./resolve-report-scope";
import { rollReportDays } from "./roll-report-days";

// Reports read seeded ReportEvent rows at fixed times: what the recording code writes is
// tested beside it; here, what the reports make of the rows.

const NOW = new Date("2026-12-09T12:00:00Z"); // Wednesday; 13:00 in Amsterdam

interface TSeed {
  shop: string;
  other: string;
  ann: string;
  bob: string;
  agent: { id: string; role: string };
  labelVip: string;
  labelShoes: string;
}

async function seed(prisma: PrismaClient): Promise<TSeed> {
  const shop = await createTestAccount(prisma, { displayName: "Amsterdam shop" });
  await prisma.instagramAccount.update({ where: { id: shop.id }, data: { timeZone: "Europe/Amsterdam" } });
  const other = await createTestAccount(prisma, { displayName: "Other shop" });
  const user = (name: string, role = "agent") =>
    prisma.user.create({ data: { email: `${name.toLowerCase()}@example.com`, name, role } });
  const [ann, bob, boss] = [await user("Ann"), await user("Bob"), await user("Boss", "admin")];
  void boss;
  await prisma.accountMember.create({ data: { accountId: other.id, userId: bob.id } });
  const vip = await prisma.label.create({ data: { name: "VIP", color: "amber" } });
  const shoes = await prisma.label.create({ data: { name: "Shoes", color: "blue" } });
  const conversation = async (accountId: string, igsid: string) => {
    const contact = await prisma.contact.create({ data: { accountId, igsid } });
    return (await prisma.conversation.create({ data: { accountId, contactId: contact.id, lastMessageAt: NOW } })).id;
  };
  const c1 = await conversation(shop.id, "1");
  const c2 = await conversation(shop.id, "2");
  const c3 = await conversation(shop.id, "3");
  const c4 = await conversation(other.id, "4");
  const labels: Record<string, string[]> = { [c1]: [vip.id], [c2]: [vip.id, shoes.id], [c3]: [], [c4]: [] };
  type TRow = [
    ReportEventKind,
    string,
    string,
    { agentId?: string; seconds?: number; businessSeconds?: number; score?: number; slaMet?: boolean }?,
  ];
  const rows: TRow[] = [
    // This period (Amsterdam, 3–9 December until now).
    ["OPENED", "2026-12-07T08:00:00Z", c1],
    ["MESSAGE_IN", "2026-12-07T08:00:00Z", c1],
    ["MESSAGE_IN", "2026-12-07T08:30:00Z", c1],
    ["MESSAGE_IN", "2026-12-08T23:30:00Z", c2], // Wednesday 00:30 in Amsterdam, Tuesday 23:30 in UTC
    ["FIRST_RESPONSE", "2026-12-07T08:01:00Z", c1, { agentId: ann.id, seconds: 60, businessSeconds: 30 }],
    ["FIRST_RESPONSE", "2026-12-09T08:00:00Z", c2, { agentId: ann.id, seconds: 120, businessSeconds: 60 }],
    ["FIRST_RESPONSE", "2026-12-09T09:00:00Z", c3, { agentId: bob.id, seconds: 600, businessSeconds: 300 }],
    ["MESSAGE_OUT", "2026-12-07T08:01:00Z", c1, { agentId: ann.id }],
    ["MESSAGE_OUT", "2026-12-09T08:00:00Z", c2, { agentId: ann.id }],
    ["MESSAGE_OUT", "2026-12-09T09:00:00Z", c3, { agentId: bob.id }],
    ["MESSAGE_OUT", "2026-12-07T08:00:05Z", c1],
    ["REPLY", "2026-12-07T08:40:00Z", c1, { agentId: ann.id, seconds: 100 }],
    ["REPLY", "2026-12-09T09:30:00Z", c3, { agentId: bob.id, seconds: 300 }],
    ["RESOLVED", "2026-12-07T09:00:00Z", c1, { agentId: ann.id, seconds: 3600, slaMet: true }],
    ["RESOLVED", "2026-12-09T10:00:00Z", c3, { agentId: bob.id, seconds: 7200, slaMet: false }],
    ["SURVEY_ANSWERED", "2026-12-07T09:05:00Z", c1, { agentId: ann.id, score: 5 }],
    ["SURVEY_ANSWERED", "2026-12-07T09:06:00Z", c2, { agentId: ann.id, score: 4 }],
    ["SURVEY_ANSWERED", "2026-12-09T10:05:00Z", c3, { agentId: bob.id, score: 3 }],
    ["WINDOW_LOST", "2026-12-08T10:00:00Z", c2],
    ["SLA_BREACHED", "2026-12-09T09:50:00Z", c3, { agentId: bob.id }],
    ["OPENED", "2026-12-08T10:00:00Z", c4],
    // The previous period (26 November – 2 December until 13:00 in Amsterdam).
    ["OPENED", "2026-11-28T10:00:00Z", c2],
    ["OPENED", "2026-12-01T10:00:00Z", c3],
    ["MESSAGE_IN", "2026-11-28T10:00:00Z", c2],
    ["FIRST_RESPONSE", "2026-11-28T10:04:00Z", c2, { agentId: ann.id, seconds: 240 }],
    // In neither: after the previous period's end, before this one's start; and after now.
    ["OPENED", "2026-12-02T12:30:00Z", c1],
    ["OPENED", "2026-12-09T12:30:00Z", c1],
  ];
  await prisma.reportEvent.createMany({
    data: rows.map(([kind, at, conversationId, extra]) => ({
      kind,
      at: new Date(at),
      conversationId,
      accountId: conversationId === c4 ? other.id : shop.id,
      labelIds: labels[conversationId] ?? [],
      ...extra,
    })),
  });
  return {
    shop: shop.id,
    other: other.id,
    ann: ann.id,
    bob: bob.id,
    agent: bob,
    labelVip: vip.id,
    labelShoes: shoes.id,
  };
}

const ADMIN = { id: "admin", role: "admin" };

// Each report twice: from the facts alone, and with every whole day before NOW rolled up
// (roll-report-days.ts): the same answers either way.
for (const rolled of [false, true]) describeReports(rolled);

function describeReports(rolled: boolean) {
  describeEachDatabase(`reports ${rolled ? "with the roll-up" : "from the facts"}`, (ctx) => {
    const prisma = () => ctx.db.prisma;
    let s: TSeed;
    beforeAll(async () => {
      s = await seed(prisma());
      if (rolled) {
        const round = await rollReportDays(prisma(), { now: NOW, settleMs: 0, limit: 1000 });
        expect(round.rolled).toBeGreaterThan(10);
        expect(await prisma().reportRollupDay.count({ where: { dirty: true } })).toBe(0);
      }
    });

    async function overview(input: Record<string, string>, user = ADMIN, own = false) {
      const scoped = await resolveReportScope(prisma(), { user, query: ZReportQuery.parse(input), now: NOW, own });
      return getReportOverview(prisma(), scoped);
    }

    it("counts an account's period in its time zone, beside the previous period", async () => {
      const { period, figures, series, heatmap } = await overview({ range: "7d", accountId: s.shop });
      expect(period).toMatchObject({ timeZone: "Europe/Amsterdam", from: "2026-12-02T23:00:00.000Z" });
      expect(figures.opened).toEqual({ value: 1, previous: 2, change: -0.5 });
      expect(figures.messagesIn).toEqual({ value: 3, previous: 1, change: 2 });
      expect(figures.messagesOut.value).toBe(4);
      expect(figures.firstResponseMedian).toEqual({ value: 120, previous: 240, change: -0.5 });
      expect(figures.firstResponseP90.value).toBe(504); // 120 + 0.8 × (600 − 120), interpolated
      expect([figures.replyTimeMedian.value, figures.replyTimeP90.value]).toEqual([200, 280]);
      expect([figures.resolutionMedian.value, figures.resolutionP90.value]).toEqual([5400, 6840]);
      expect(figures.resolved).toEqual({ value: 2, previous: 0, change: null });
      expect(figures.csat.value).toBeCloseTo(2 / 3);
      expect(figures.csatAnswers.value).toBe(3);
      expect([figures.lostWindows.value, figures.slaBreaches.value, figures.slaMet.value]).toEqual([1, 1, 0.5]);
      expect(series.map((p) => p.bucket)).toHaveLength(7);
      expect(series.find((p) => p.bucket === "2026-12-07")).toMatchObject({ opened: 1, messagesIn: 2, resolved: 1 });
      expect(series.find((p) => p.bucket === "2026-12-09")).toMatchObject({ messagesIn: 1, firstResponseMedian: 360 });
      const cell = (weekday: number, hour: number) =>
        heatmap?.find((c) => c.weekday === weekday && c.hour === hour)?.count;
      expect(heatmap).toHaveLength(168);
      expect([cell(1, 9), cell(3, 0), cell(2, 23)]).toEqual([2, 1, 0]);
    });

    it("counts every account in UTC without an account filter, and business hours on request", async () => {
      const { period, figures, heatmap } = await overview({ range: "7d", businessHours: "on" });
      expect(period.timeZone).toBe("UTC");
      expect(figures.opened.value).toBe(2);
      expect([figures.firstResponseMedian.value, figures.firstResponseP90.value]).toEqual([60, 252]);
      const cell = (weekday: number, hour: number) =>
        heatmap?.find((c) => c.weekday === weekday && c.hour === hour)?.count;
      expect([cell(1, 8), cell(2, 23), cell(3, 0)]).toEqual([2, 1, 0]);
    });

    it("filters by label and by agent; an agent's figures leave the customer's facts out", async () => {
      const vip = await overview({ range: "7d", labelId: s.labelVip });
      expect([vip.figures.opened.value, vip.figures.messagesIn.value, vip.figures.csatAnswers.value]).toEqual([
        1, 3, 2,
      ]);
      const ann = await overview({ range: "7d", agentId: s.ann });
      expect(ann.figures.opened.value).toBeNull();
      expect(ann.heatmap).toBeNull();
      expect([
        ann.figures.messagesOut.value,
        ann.figures.resolved.value,
        ann.figures.firstResponseMedian.value,
      ]).toEqual([2, 1, 90]);
      expect(ann.figures.csat.value).toBe(1);
    });

    it("shows an agent their own figures, only in their accounts", async () => {
      const mine = await overview({ range: "7d" }, s.agent, true);
      // Bob works only the other shop: his replies in the Amsterdam shop are not his to see here.
      expect([mine.figures.messagesOut.value, mine.figures.resolved.value]).toEqual([0, 0]);
      await expect(overview({ range: "7d", accountId: s.shop }, s.agent, true)).rejects.toThrow(AppError);
      await prisma().accountMember.create({ data: { accountId: s.shop, userId: s.bob } });
      const now = await overview({ range: "7d", accountId: s.shop }, s.agent, true);
      expect([now.figures.messagesOut.value, now.figures.resolved.value, now.figures.slaBreaches.value]).toEqual([
        1, 1, 1,
      ]);
      await prisma().accountMember.delete({ where: { accountId_userId: { accountId: s.shop, userId: s.bob } } });
    });

    async function table(by: "agents" | "accounts" | "labels", input: Record<string, string> = {}) {
      const query = ZReportTableQuery.parse({ range: "7d", ...input });
      const scoped = await resolveReportScope(prisma(), { user: ADMIN, query, now: NOW });
      return getReportTable(prisma(), { ...scoped, by, sort: query.sort, dir: query.dir });
    }

    it("tables the measures by agent", async () => {
      const { rows } = await table("agents");
      expect(rows).toEqual([
        {
          id: s.ann,
          name: "Ann",
          conversationsHandled: 2,
          firstResponseMedian: 90,
          firstResponseP90: 114,
          resolutionMedian: 3600,
          repliesSent: 2,
          csat: 1,
          csatAnswers: 2,
          slaBreaches: 0,
          slaMet: 1,
        },
        {
          id: s.bob,
          name: "Bob",
          conversationsHandled: 1,
          firstResponseMedian: 600,
          firstResponseP90: 600,
          resolutionMedian: 7200,
          repliesSent: 1,
          csat: 0,
          csatAnswers: 1,
          slaBreaches: 1,
          slaMet: 0,
        },
      ]);
      const bySpeed = await table("agents", { sort: "firstResponseMedian", dir: "desc" });
      expect(bySpeed.rows.map((r) => r.name)).toEqual(["Bob", "Ann"]);
    });

    it("tables by account and by label", async () => {
      const accounts = await table("accounts", { sort: "name", dir: "asc" });
      expect(accounts.rows.map((r) => [r.name, r.conversationsHandled, r.repliesSent])).toEqual([
        ["Amsterdam shop", 3, 3],
        ["Other shop", 0, 0],
      ]);
      const labels = await table("labels", { sort: "name", dir: "asc" });
      expect(labels.rows.map((r) => [r.name, r.conversationsHandled, r.firstResponseMedian, r.csatAnswers])).toEqual([
        ["Shoes", 1, 120, 1],
        ["VIP", 2, 90, 2],
      ]);
    });
  });
}
