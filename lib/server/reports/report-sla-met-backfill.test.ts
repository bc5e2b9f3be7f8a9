import { expect, it } from "vitest";
import { MIGRATIONS_DIR, applyMigrations } from "../../db/migrate";
import type { TReportFact } from "../../reports/measures";
import { insertTestAccountAsOfInit } from "../../testing/factories";
import { describeEachDatabase } from "../../testing/databases";
import { DEFAULT_POLICY_ID } from "../sla/load-sla-settings";
import { recordReportFacts } from "./record-report-facts";

// The release that records "SLA met" on first responses, replies and resolutions fills it for the
// facts recorded before, by the policies as they are now. A database migrated up to the migration
// before it gets facts without slaMet; after it, they carry what recordReportFacts would write.
const SLA_MET = "20261206233000_report_sla_met";

describeEachDatabase(
  "the SLA met backfill",
  (ctx) => {
    it("fills slaMet of the facts recorded before, as they would be recorded now", async () => {
      const { db } = ctx;
      const prisma = db.prisma;
      const [own, other] = [await insertTestAccountAsOfInit(prisma), await insertTestAccountAsOfInit(prisma)];
      await prisma.slaPolicy.create({
        data: { id: DEFAULT_POLICY_ID, firstResponseMinutes: 5, nextResponseMinutes: 10, resolutionMinutes: 60 },
      });
      await prisma.slaPolicy.create({
        data: { accountId: own.id, firstResponseMinutes: 1, resolutionMinutes: 60, businessHoursOnly: true },
      });
      const conversation = async (accountId: string) => {
        const contact = await prisma.contact.create({
          data: { accountId, igsid: String(Math.random()).slice(2, 18) },
          select: { id: true },
        });
        return (
          await prisma.conversation.create({
            data: { accountId, contactId: contact.id, lastMessageAt: new Date() },
            select: { id: true },
          })
        ).id;
      };
      const at = new Date("2026-03-02T09:00:00Z");
      const facts: TReportFact[] = [
        { kind: "OPENED", at, agentId: null, seconds: null, businessSeconds: null },
        { kind: "FIRST_RESPONSE", at, agentId: null, seconds: 120, businessSeconds: 120 },
        { kind: "FIRST_RESPONSE", at, agentId: null, seconds: 52200, businessSeconds: 30 },
        { kind: "REPLY", at, agentId: null, seconds: 600, businessSeconds: 600 },
        { kind: "RESOLVED", at, agentId: null, seconds: 3600, businessSeconds: 3600 },
        { kind: "RESOLVED", at, agentId: null, seconds: 7200, businessSeconds: 3000 },
      ];
      const before: Record<string, string> = {};
      for (const account of [own, other]) {
        before[account.id] = await conversation(account.id);
        await prisma.reportEvent.createMany({
          data: facts.map((f) => ({ ...f, accountId: account.id, conversationId: before[account.id] ?? "" })),
        });
      }

      // The backfill is the first migration applied now (later releases' follow it).
      expect((await applyMigrations(db.adapter, MIGRATIONS_DIR))[0]).toBe(SLA_MET);

      const slaMet = async (conversationId: string) =>
        (await prisma.reportEvent.findMany({ where: { conversationId }, orderBy: { id: "asc" } })).map((r) => r.slaMet);
      expect(await slaMet(before[own.id] ?? "")).toEqual([null, false, true, null, true, true]);
      expect(await slaMet(before[other.id] ?? "")).toEqual([null, true, false, true, true, false]);
      // The same rule as the facts recorded from now on.
      for (const account of [own, other]) {
        const now = await conversation(account.id);
        await prisma.$transaction((tx) => recordReportFacts(tx, now, facts));
        expect(await slaMet(now)).toEqual(await slaMet(before[account.id] ?? ""));
      }
    });
  },
  { migratedBefore: SLA_MET },
);
