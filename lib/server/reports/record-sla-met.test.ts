import { beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "../../db/generated/client";
import type { TReportFact, TReportFactKind } from "../../reports/measures";
import { ZReportQuery, ZReportTableQuery } from "../../reports/schemas";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { DEFAULT_POLICY_ID } from "../sla/load-sla-settings";
import { getReportOverview } from "./get-report-overview";
import { getReportTable } from "./get-report-table";
import { recordReportFacts } from "./record-report-facts";
import { resolveReportScope } from "./resolve-report-scope";

// A first response, a reply or a resolution records whether it met the target of the SLA policy
// applying to its account when it is written: the account's own policy, else the default one.

const NOW = new Date("2026-12-09T12:00:00Z");

async function conversationOf(prisma: PrismaClient, accountId: string): Promise<string> {
  const contact = await prisma.contact.create({ data: { accountId, igsid: String(Math.random()).slice(2, 18) } });
  return (await prisma.conversation.create({ data: { accountId, contactId: contact.id, lastMessageAt: NOW } })).id;
}

const fact = (
  kind: TReportFactKind,
  seconds: number | null,
  businessSeconds = seconds,
  agentId: string | null = null,
): TReportFact => ({ kind, at: new Date("2026-12-09T10:00:00Z"), agentId, seconds, businessSeconds });

describeEachDatabase("SLA met on report facts", (ctx) => {
  const prisma = () => ctx.db.prisma;
  let shop: string;
  let own: string;

  /** Records the facts on a new conversation of the account; answers their slaMet in order. */
  async function record(accountId: string, facts: TReportFact[]): Promise<(boolean | null)[]> {
    const conversationId = await conversationOf(prisma(), accountId);
    await prisma().$transaction((tx) => recordReportFacts(tx, conversationId, facts));
    const rows = await prisma().reportEvent.findMany({ where: { conversationId }, orderBy: { id: "asc" } });
    return rows.map((r) => r.slaMet);
  }

  beforeAll(async () => {
    shop = (await createTestAccount(prisma())).id;
    own = (await createTestAccount(prisma())).id;
  });

  it("records nothing when no policy applies", async () => {
    expect(await record(shop, [fact("FIRST_RESPONSE", 60), fact("REPLY", 60), fact("RESOLVED", 60)])).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("judges each kind by its target of the default policy, around the clock", async () => {
    await prisma().slaPolicy.create({
      data: { id: DEFAULT_POLICY_ID, firstResponseMinutes: 5, nextResponseMinutes: null, resolutionMinutes: 60 },
    });
    expect(
      await record(shop, [
        fact("FIRST_RESPONSE", 300), // exactly the target: met
        fact("FIRST_RESPONSE", 301),
        fact("FIRST_RESPONSE", 400, 100), // business hours are not the policy's clock
        fact("REPLY", 10), // the policy sets no target for replies
        fact("RESOLVED", 3600),
        fact("RESOLVED", 3601),
        fact("MESSAGE_OUT", null),
        fact("ASSIGNED", null),
      ]),
    ).toEqual([true, false, false, null, true, false, null, null]);
  });

  it("lets an account's own policy win over the default, in business hours when it says so", async () => {
    await prisma().slaPolicy.create({
      data: { accountId: own, firstResponseMinutes: 1, nextResponseMinutes: 10, businessHoursOnly: true },
    });
    expect(
      await record(own, [
        fact("FIRST_RESPONSE", 120, 120), // within the default's 5 minutes, over the account's 1
        fact("FIRST_RESPONSE", 52200, 30), // overnight: 30 seconds of business hours
        fact("REPLY", 7200, 600),
        fact("REPLY", 700, 601),
        fact("RESOLVED", 60), // the account's policy sets no resolution target
      ]),
    ).toEqual([false, true, true, false, null]);
    // The default still applies to the other account.
    expect(await record(shop, [fact("FIRST_RESPONSE", 120)])).toEqual([true]);
  });

  it("counts the share met in the overview and in the agents' table", async () => {
    const account = await createTestAccount(prisma());
    const ann = await prisma().user.create({ data: { email: "ann-sla@example.com", name: "Ann", role: "agent" } });
    await prisma().slaPolicy.create({ data: { accountId: account.id, firstResponseMinutes: 10 } });
    await record(account.id, [
      fact("FIRST_RESPONSE", 300, 300, ann.id),
      fact("FIRST_RESPONSE", 900, 900, ann.id),
      fact("REPLY", 60, 60, ann.id), // no target: not measured
    ]);
    const user = { id: "admin", role: "admin" };
    const query = ZReportQuery.parse({ range: "7d", accountId: account.id });
    const overview = await getReportOverview(prisma(), await resolveReportScope(prisma(), { user, query, now: NOW }));
    expect(overview.figures.slaMet.value).toBe(0.5);
    const tableQuery = ZReportTableQuery.parse({ range: "7d", accountId: account.id });
    const scoped = await resolveReportScope(prisma(), { user, query: tableQuery, now: NOW });
    const { rows } = await getReportTable(prisma(), {
      ...scoped,
      by: "agents",
      sort: tableQuery.sort,
      dir: tableQuery.dir,
    });
    expect(rows.map((r) => [r.name, r.slaMet])).toEqual([["Ann", 0.5]]);
  });
});
