import { Prisma, type PrismaClient } from "../../db/generated/client";
import { FIGURE_KINDS } from "./report-sql";
import { factsOf, rollupColumnList, rollupFromFacts } from "./rollup-sql";

// The roll-up worker's round (issue 19): keeps ReportRollup equal to the facts for every whole
// day of every account, in UTC and in the account's own time zone.
//
// 1. Forget the days of a time zone an account no longer uses (their rows go with them).
// 2. Claim the days that ended and are not rolled yet (a ReportRollupDay row, dirty): from then
//    on, every statement that touches a fact of that day marks it dirty (the triggers in
//    prisma/migrations/*_report_rollup_triggers).
// 3. Roll dirty days whose last mark is older than `settleMs` (so a transaction that wrote a
//    fact before the claim has ended): in one transaction, mark them clean first (the row lock
//    makes a concurrent fact's trigger wait and mark the day dirty again after this commits),
//    then replace their rows with rows made from the facts.
// Reports read a dirty or unclaimed day from the facts, so they are right at every moment;
// the roll-up only makes them fast. Every instance may run it: rows are claimed with SKIP LOCKED.

export interface TRollRound {
  claimed: number;
  rolled: number;
  /** More dirty days are waiting: run again at once. */
  busy: boolean;
}

const TIME_ZONES = Prisma.sql`CROSS JOIN LATERAL (SELECT DISTINCT z FROM (VALUES ('UTC'), (a."timeZone")) AS v(z)) AS tz("timeZone")`;

export async function rollReportDays(
  prisma: PrismaClient,
  { now, settleMs = 60_000, limit = 30 }: { now: Date; settleMs?: number; limit?: number },
): Promise<TRollRound> {
  await prisma.$executeRaw`
    DELETE FROM "ReportRollupDay" d USING "InstagramAccount" a
    WHERE a."id" = d."accountId" AND d."timeZone" <> 'UTC' AND d."timeZone" <> a."timeZone"`;
  // Days before the first claimed one or after the last (the claimed days of an account and
  // zone are one run, from its first fact to yesterday): no index probe for the days between.
  const claimed = await prisma.$executeRaw`
    INSERT INTO "ReportRollupDay" ("timeZone", "accountId", "day", "dirty", "dirtySince")
    SELECT tz."timeZone", a."id", d::date, true, ${now}
    FROM "InstagramAccount" a
    ${TIME_ZONES}
    CROSS JOIN LATERAL (SELECT min(e."at") AS "first" FROM "ReportEvent" e WHERE e."accountId" = a."id") AS f
    CROSS JOIN LATERAL (
      SELECT min(c."day") AS "low", max(c."day") AS "high" FROM "ReportRollupDay" c
      WHERE c."timeZone" = tz."timeZone" AND c."accountId" = a."id"
    ) AS c
    CROSS JOIN LATERAL generate_series(
      ((f."first" AT TIME ZONE 'UTC') AT TIME ZONE tz."timeZone")::date::timestamp,
      (((${now}::timestamptz) AT TIME ZONE tz."timeZone")::date - 1)::timestamp,
      interval '1 day') AS d
    WHERE f."first" IS NOT NULL AND (c."low" IS NULL OR d::date < c."low" OR d::date > c."high")
    ON CONFLICT DO NOTHING`;
  const rolled = await prisma.$transaction(
    async (tx) => {
      const keys = await tx.$queryRaw<{ timeZone: string; accountId: string; day: Date }[]>`
      UPDATE "ReportRollupDay" d SET "dirty" = false
      FROM (
        SELECT "timeZone", "accountId", "day" FROM "ReportRollupDay"
        WHERE "dirty" AND "dirtySince" <= ${new Date(now.getTime() - settleMs)}
        ORDER BY "day" DESC LIMIT ${limit} FOR UPDATE SKIP LOCKED
      ) k
      WHERE d."timeZone" = k."timeZone" AND d."accountId" = k."accountId" AND d."day" = k."day"
      RETURNING d."timeZone", d."accountId", d."day"`;
      if (keys.length === 0) return 0;
      const batch = Prisma.sql`unnest(${keys.map((k) => k.timeZone)}::text[], ${keys.map((k) => k.accountId)}::text[],
      ${keys.map((k) => k.day.toISOString().slice(0, 10))}::date[]) AS k("timeZone", "accountId", "day")`;
      await tx.$executeRaw`
      DELETE FROM "ReportRollup" r USING ${batch}
      WHERE r."timeZone" = k."timeZone" AND r."accountId" = k."accountId" AND r."day" = k."day"`;
      const facts = Prisma.sql`
      (SELECT k.*, ((k."day"::timestamp AT TIME ZONE k."timeZone") AT TIME ZONE 'UTC') AS "start",
         (((k."day" + 1)::timestamp AT TIME ZONE k."timeZone") AT TIME ZONE 'UTC') AS "end" FROM ${batch}) AS b
      CROSS JOIN LATERAL ${factsOf(Prisma.sql`b`)}`;
      const where = Prisma.sql`f."kind" = ANY(${[...FIGURE_KINDS]}::text[]::"ReportEventKind"[])`;
      const made = (labels: "each" | Prisma.Sql, agents: "each" | "all") =>
        rollupFromFacts({
          grain: "day",
          timeZone: Prisma.sql`b."timeZone"`,
          from: facts,
          where,
          labels,
          agents,
        });
      const all = Prisma.sql`''`;
      await tx.$executeRaw`
      INSERT INTO "ReportRollup" ("timeZone", "day", "accountId", "agentId", "labelId", ${rollupColumnList})
      SELECT "timeZone", "bucket"::date, "accountId", "agentId", "labelId", ${rollupColumnList}
      FROM (${made(all, "each")} UNION ALL ${made(all, "all")} UNION ALL ${made("each", "each")}
        UNION ALL ${made("each", "all")}) AS made`;
      return keys.length;
      // A batch takes about a second on a 2-core machine; far more room before Prisma gives up.
    },
    { timeout: 60_000 },
  );
  return { claimed, rolled, busy: rolled >= limit };
}
