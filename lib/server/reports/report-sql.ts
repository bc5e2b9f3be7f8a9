import {
  Prisma,
  ReportEventKind,
  type PrismaClient,
  type ReportEventKind as TReportEventKind,
} from "../../db/generated/client";
import type { TFigureValues } from "../../reports/schemas";

// The SQL the reports share. Each measure is defined once here, over rows of the roll-up's shape
// (report-rows.ts: the stored roll-up for rolled days, rows made from ReportEvent for the rest).
// Facts are read within [from, to) on "at", naming the kinds a report counts, so PostgreSQL can
// walk the reports' index (kind, at, and every column a report aggregates) by range, or
// @@index([accountId, at]) for one account's day; a label filter is an array containment (@>)
// the GIN index on "labelIds" serves.
// Medians and 90th percentiles are percentile_cont(0.5) and percentile_cont(0.9) (PostgreSQL
// and PGlite alike) over every time the rows keep: "seconds", or "businessSeconds" with
// business hours on.

/** Whose facts a report counts: access first, then the page's filters. */
export interface TReportScope {
  /** The accounts the user may see: null, every one (an admin). */
  accountIds: readonly string[] | null;
  accountId?: string | undefined;
  agentId?: string | undefined;
  labelId?: string | undefined;
}

export interface TRangeSql {
  from: Date;
  to: Date;
}

/**
 * The kinds of fact the reports and the roll-up read: every kind but assignments and surveys
 * sent, which no measure counts (a kind added later is read until a measure says otherwise).
 */
export const FIGURE_KINDS: readonly TReportEventKind[] = Object.values(ReportEventKind).filter(
  (kind) => kind !== "ASSIGNED" && kind !== "SURVEY_SENT",
);

/**
 * The WHERE clause of a report's facts: the kinds it reads, the range, the access and the
 * filters. The kinds come first: they lead the reports' index.
 */
export function factsWhere(
  kinds: readonly TReportEventKind[],
  range: TRangeSql,
  scope: TReportScope,
  alias = "f",
): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts = [
    Prisma.sql`${column("kind")} = ANY(${[...kinds]}::text[]::"ReportEventKind"[])`,
    Prisma.sql`${column("at")} >= ${range.from} AND ${column("at")} < ${range.to}`,
  ];
  if (scope.accountIds !== null) parts.push(Prisma.sql`${column("accountId")} = ANY(${[...scope.accountIds]}::text[])`);
  if (scope.accountId !== undefined) parts.push(Prisma.sql`${column("accountId")} = ${scope.accountId}`);
  if (scope.agentId !== undefined) parts.push(Prisma.sql`${column("agentId")} = ${scope.agentId}`);
  if (scope.labelId !== undefined) parts.push(Prisma.sql`${column("labelIds")} @> ARRAY[${scope.labelId}]::text[]`);
  return Prisma.join(parts, " AND ");
}

const sum = (column: string, as = column) => Prisma.raw(`COALESCE(sum(r."${column}"), 0)::int AS "${as}"`);

/** The counts of rows grouped by `key`: volumes, surveys and SLA steps (the shares come from these). */
function countsSelect(key: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ${key} AS "key", ${sum("opened")}, ${sum("resolved")}, ${sum("reopened")}, ${sum("messagesIn")},
      ${sum("messagesOut")}, ${sum("repliesSent")},
      ${sum("lostWindows")}, ${sum("csatAnswers")}, ${sum("csatSatisfied")}, ${sum("slaBreaches")},
      ${sum("slaMeasured")}, ${sum("slaMetCount")}
    FROM report_rows r GROUP BY 1`;
}

const TIMES = [
  ["firstResponse", "firstResponseMedian", "firstResponseP90"],
  ["reply", "replyTimeMedian", "replyTimeP90"],
  ["resolution", "resolutionMedian", "resolutionP90"],
] as const;

type TTimeColumn = (typeof TIMES)[number][0];

/**
 * The median and 90th percentile (percentile_cont, interpolated) of one time the rows keep,
 * around the clock or in business hours: every value of every row of a group, exactly. One
 * unnest per time (the two percentiles share its sort).
 */
function timeSelect(
  key: Prisma.Sql,
  [column, median, p90]: (typeof TIMES)[number],
  businessHours: boolean,
): Prisma.Sql {
  const values = Prisma.raw(`r."${column}${businessHours ? "Business" : ""}"`);
  // unnest in the select list (a ProjectSet streaming each array) costs half of a lateral
  // unnest in FROM, which copies every array into a tuplestore first.
  return Prisma.sql`
    SELECT x."key", percentile_cont(0.5) WITHIN GROUP (ORDER BY x.v) AS ${Prisma.raw(`"${median}"`)},
      percentile_cont(0.9) WITHIN GROUP (ORDER BY x.v) AS ${Prisma.raw(`"${p90}"`)}
    FROM (SELECT ${key} AS "key", unnest(${values}) AS v FROM report_rows r) AS x
    GROUP BY 1`;
}

/**
 * Every measure of a report, per group of its rows (`rows`: reportRows): the counts, the times'
 * medians and 90th percentiles, and (for tables) the conversations handled, each group a row
 * with its "key". `key` is an expression over a row `r` ('' for one row over all).
 */
export function measuresSql({
  rows,
  key,
  businessHours,
  handled = false,
  only = TIMES.map(([column]) => column),
}: {
  rows: Prisma.Sql;
  key: Prisma.Sql;
  businessHours: boolean;
  handled?: boolean;
  /** The times to work out (each costs a sort of its values): all three unless fewer are shown. */
  only?: readonly TTimeColumn[];
}): Prisma.Sql {
  const handledCte = handled
    ? Prisma.sql`, handled AS (
        SELECT x."key", count(DISTINCT x.h)::int AS "conversationsHandled"
        FROM (SELECT ${key} AS "key", unnest(r."handled") AS h FROM report_rows r) AS x GROUP BY 1)`
    : Prisma.empty;
  const chosen = TIMES.filter(([column]) => only.includes(column));
  const times = chosen.map(
    (time, i) => Prisma.sql`t${Prisma.raw(String(i))} AS (${timeSelect(key, time, businessHours)})`,
  );
  const joins = chosen.map((_, i) => Prisma.raw(`LEFT JOIN t${i} ON t${i}."key" = c."key"`));
  return Prisma.sql`
    WITH report_rows AS MATERIALIZED (${rows}),
    counts AS (${countsSelect(key)}),
    ${Prisma.join(times, ", ")}${handledCte}
    SELECT c.*, ${Prisma.raw(chosen.flatMap(([, median, p90]) => [`"${median}"`, `"${p90}"`]).join(", "))}
      ${handled ? Prisma.sql`, COALESCE(h."conversationsHandled", 0) AS "conversationsHandled"` : Prisma.empty}
    FROM counts c ${Prisma.join(joins, " ")}
      ${handled ? Prisma.sql`LEFT JOIN handled h ON h."key" = c."key"` : Prisma.empty}`;
}

/**
 * Runs a report's statement with room to sort a year's times in memory (64 MB for this
 * statement only, SET LOCAL: the default 4 MB spills them to disk).
 */
export async function reportQuery<TRow>(prisma: PrismaClient, statement: Prisma.Sql): Promise<TRow[]> {
  // A report over facts not rolled yet (right after an upgrade) may take seconds: slow, not failed.
  const [, rows] = await prisma.$transaction(
    [prisma.$executeRaw`SET LOCAL work_mem = '64MB'`, prisma.$queryRaw<TRow[]>(statement)],
    { timeout: 60_000 },
  );
  return rows;
}

/** Incoming messages per weekday and hour of the rows' local days (inHours: a count per hour). */
export function heatmapSql(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT extract(isodow FROM r."bucket")::int AS "weekday", (u."hour" - 1)::int AS "hour", sum(u."count")::int AS "count"
    FROM (${rows}) r CROSS JOIN LATERAL unnest(r."inHours") WITH ORDINALITY AS u("count", "hour")
    GROUP BY 1, 2`;
}

/** What measuresSql answers for a figure, before the shares are worked out. */
export type TFiguresRow = Omit<TFigureValues, "csat" | "slaMet"> & TSharesRow;

export interface TSharesRow {
  csatAnswers: number;
  csatSatisfied: number;
  slaBreaches: number;
  slaMeasured: number;
  slaMetCount: number;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const seconds = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value)));

export function sharesOf(row: TSharesRow): { csat: number | null; slaMet: number | null } {
  return { csat: share(row.csatSatisfied, row.csatAnswers), slaMet: share(row.slaMetCount, row.slaMeasured) };
}

/**
 * A row of measuresSql as the answer's values: whole seconds, shares. Under an agent filter
 * the customer's own facts (they have no agent) are null, not a misleading 0.
 */
export function toFigureValues(row: TFiguresRow, { agentFiltered }: { agentFiltered: boolean }): TFigureValues {
  const customer = (value: number) => (agentFiltered ? null : value);
  return {
    opened: customer(row.opened ?? 0),
    resolved: row.resolved,
    reopened: customer(row.reopened ?? 0),
    messagesIn: customer(row.messagesIn ?? 0),
    messagesOut: row.messagesOut,
    firstResponseMedian: seconds(row.firstResponseMedian),
    firstResponseP90: seconds(row.firstResponseP90),
    replyTimeMedian: seconds(row.replyTimeMedian),
    replyTimeP90: seconds(row.replyTimeP90),
    resolutionMedian: seconds(row.resolutionMedian),
    resolutionP90: seconds(row.resolutionP90),
    ...sharesOf(row),
    csatAnswers: row.csatAnswers,
    lostWindows: row.lostWindows,
    slaBreaches: row.slaBreaches,
  };
}

export { seconds as wholeSeconds };
