import { Prisma } from "../../db/generated/client";
import { localDate } from "../../reports/zoned-time";
import { FIGURE_KINDS, factsWhere, type TRangeSql, type TReportScope } from "./report-sql";
import { factsOf, rollupColumnList, rollupFromFacts } from "./rollup-sql";

// The rows a report aggregates (the roll-up's shape, rollup-sql.ts) for a range in a time zone:
// the stored roll-up for each whole day it has rolled and clean for an account, and rows made
// from the facts for every other day of every account in scope (today, a day whose facts
// changed since it was rolled, the part of a day a range cuts, a day not rolled yet). Either
// way the same facts are counted once, so a report reads the same with or without the roll-up.

export interface TRowsRequest {
  range: TRangeSql;
  timeZone: string;
  scope: TReportScope;
  /** "hour": hourly buckets, always from the facts (the roll-up keeps days). */
  grain: "day" | "hour";
  /** "each": a row per label (the table by label); "all": the rows of every fact. */
  labels: "all" | "each";
  /** "each": a row per agent (the table by agent); "all": rows of every agent's facts together. */
  agents: "all" | "each";
}

/** The accounts a report counts: the user's (all for an admin), narrowed by the account filter. */
function scopeAccounts(scope: TReportScope): Prisma.Sql {
  const parts = [Prisma.sql`true`];
  if (scope.accountIds !== null) parts.push(Prisma.sql`"id" = ANY(${[...scope.accountIds]}::text[])`);
  if (scope.accountId !== undefined) parts.push(Prisma.sql`"id" = ${scope.accountId}`);
  return Prisma.sql`SELECT "id" FROM "InstagramAccount" WHERE ${Prisma.join(parts, " AND ")}`;
}

/**
 * Which stored rows a report reads: its label (or every label, or the "all" rows), and its agent,
 * or a row per agent, or the rows of all agents together ("*": fewer rows to read).
 */
function storedRows(request: TRowsRequest): Prisma.Sql {
  const { scope } = request;
  const parts: Prisma.Sql[] = [];
  if (scope.labelId !== undefined) parts.push(Prisma.sql`r."labelId" = ${scope.labelId}`);
  else parts.push(request.labels === "each" ? Prisma.sql`r."labelId" <> ''` : Prisma.sql`r."labelId" = ''`);
  if (scope.agentId !== undefined) parts.push(Prisma.sql`r."agentId" = ${scope.agentId}`);
  else parts.push(request.agents === "each" ? Prisma.sql`r."agentId" <> '*'` : Prisma.sql`r."agentId" = '*'`);
  return Prisma.join(parts, " AND ");
}

/** The label column of rows made from facts: as the stored rows read (see storedRows). */
function factLabels(request: TRowsRequest): "each" | Prisma.Sql {
  if (request.scope.labelId !== undefined) return Prisma.sql`${request.scope.labelId}`;
  return request.labels === "each" ? "each" : Prisma.sql`''`;
}

/** A SELECT of the report's rows: "timeZone", "bucket", "accountId", "agentId", "labelId" and the measures. */
export function reportRows(request: TRowsRequest): Prisma.Sql {
  const { range, timeZone, scope } = request;
  const tz = Prisma.sql`${timeZone}::text`;
  const labels = factLabels(request);
  if (request.grain === "hour") {
    return rollupFromFacts({
      grain: "hour",
      timeZone: tz,
      from: Prisma.sql`"ReportEvent" f`,
      where: factsWhere(FIGURE_KINDS, range, scope, "f"),
      labels,
    });
  }
  const firstDay = localDate(range.from, timeZone);
  const lastDay = localDate(new Date(Math.max(range.from.getTime(), range.to.getTime() - 1)), timeZone);
  const where = factsWhere(FIGURE_KINDS, range, scope, "f");
  const fromFacts = (from: Prisma.Sql, only: Prisma.Sql) =>
    rollupFromFacts({ grain: "day", timeZone: tz, from, where: Prisma.sql`${where} AND ${only}`, labels });
  // Two ways to the facts of the days not covered, one of which runs (each guard is evaluated
  // once): with no day covered (a first start, or every day just changed), one range scan of the
  // reports' index, as fast as the facts allow; else a scan of each uncovered day.
  const none = Prisma.sql`NOT EXISTS (SELECT 1 FROM covered)`;
  const facts = Prisma.sql`
    ${fromFacts(Prisma.sql`"ReportEvent" f`, none)}
    UNION ALL
    ${fromFacts(Prisma.sql`gaps g CROSS JOIN LATERAL ${factsOf(Prisma.sql`g`)}`, Prisma.sql`NOT ${none}`)}`;
  return Prisma.sql`
    WITH scope_accounts AS (${scopeAccounts(scope)}),
    days AS (
      SELECT d::date AS "day",
        ((d AT TIME ZONE ${tz}) AT TIME ZONE 'UTC') AS "start",
        (((d + interval '1 day') AT TIME ZONE ${tz}) AT TIME ZONE 'UTC') AS "end"
      FROM generate_series(${firstDay}::timestamp, ${lastDay}::timestamp, interval '1 day') AS d
    ),
    covered AS (
      SELECT rd."accountId", rd."day" FROM "ReportRollupDay" rd
      JOIN days d ON d."day" = rd."day"
      WHERE rd."timeZone" = ${tz} AND NOT rd."dirty" AND rd."accountId" IN (SELECT "id" FROM scope_accounts)
        AND d."start" >= ${range.from} AND d."end" <= ${range.to}
    ),
    gaps AS (
      SELECT a."id" AS "accountId", greatest(d."start", ${range.from}) AS "start", least(d."end", ${range.to}) AS "end"
      FROM scope_accounts a CROSS JOIN days d
      WHERE NOT EXISTS (SELECT 1 FROM covered c WHERE c."accountId" = a."id" AND c."day" = d."day")
    )
    SELECT r."timeZone", r."day"::timestamp AS "bucket", r."accountId", r."agentId", r."labelId", ${rollupColumnList}
    FROM "ReportRollup" r JOIN covered c ON c."accountId" = r."accountId" AND c."day" = r."day"
    WHERE r."timeZone" = ${tz} AND ${storedRows(request)}
    UNION ALL
    ${facts}`;
}
