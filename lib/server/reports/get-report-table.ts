import { Prisma, type PrismaClient } from "../../db/generated/client";
import type {
  TReportPeriod,
  TReportRow,
  TReportSortKey,
  TReportTable,
  TReportTableKind,
  TSortDirection,
} from "../../reports/schemas";
import { sortReportRows } from "../../reports/table-columns";
import { reportRows } from "./report-rows";
import { measuresSql, reportQuery, sharesOf, wholeSeconds, type TReportScope, type TSharesRow } from "./report-sql";

/** More rows than any team has agents, accounts or labels: a bound, not a page. */
const MAX_ROWS = 1000;

/** How each table groups the rows and where it finds each group's name. */
const GROUPING: Record<TReportTableKind, { key: Prisma.Sql; names: Prisma.Sql; only: Prisma.Sql }> = {
  agents: {
    key: Prisma.sql`r."agentId" COLLATE "C"`,
    names: Prisma.sql`JOIN "User" n ON n."id" = g."key"`,
    only: Prisma.sql`WHERE g."key" <> ''`,
  },
  accounts: {
    key: Prisma.sql`r."accountId" COLLATE "C"`,
    names: Prisma.sql`JOIN (SELECT "id", "displayName" AS "name" FROM "InstagramAccount") n ON n."id" = g."key"`,
    only: Prisma.empty,
  },
  // A conversation's facts count for each label it carries (labelIds as they are now).
  labels: {
    key: Prisma.sql`r."labelId" COLLATE "C"`,
    names: Prisma.sql`JOIN "Label" n ON n."id" = g."key"`,
    only: Prisma.empty,
  },
};

type TTableRow = Omit<TReportRow, "csat" | "slaMet"> & TSharesRow;

/** One row per agent, account or label with facts in the period, in the order asked for. */
export async function getReportTable(
  prisma: PrismaClient,
  options: {
    period: TReportPeriod;
    scope: TReportScope;
    by: TReportTableKind;
    sort: TReportSortKey;
    dir: TSortDirection;
  },
): Promise<TReportTable> {
  const { period, scope, by } = options;
  const group = GROUPING[by];
  const range = { from: new Date(period.from), to: new Date(period.to) };
  const rows = reportRows({
    range,
    timeZone: period.timeZone,
    scope,
    grain: "day",
    labels: by === "labels" ? "each" : "all",
    agents: by === "agents" ? "each" : "all",
  });
  const measures = measuresSql({
    rows,
    key: group.key,
    businessHours: period.businessHours,
    handled: true,
    only: ["firstResponse", "resolution"],
  });
  const found = await reportQuery<TTableRow>(
    prisma,
    Prisma.sql`SELECT g.*, n."name" FROM (${measures}) g ${group.names} ${group.only} LIMIT ${MAX_ROWS}`,
  );
  const answer = found.map((row): TReportRow => ({
    id: (row as TTableRow & { key: string }).key,
    name: row.name,
    conversationsHandled: row.conversationsHandled,
    firstResponseMedian: wholeSeconds(row.firstResponseMedian),
    firstResponseP90: wholeSeconds(row.firstResponseP90),
    resolutionMedian: wholeSeconds(row.resolutionMedian),
    repliesSent: row.repliesSent,
    ...sharesOf(row),
    csatAnswers: row.csatAnswers,
    slaBreaches: row.slaBreaches,
  }));
  return { period, by, rows: sortReportRows(answer, options.sort, options.dir) };
}
