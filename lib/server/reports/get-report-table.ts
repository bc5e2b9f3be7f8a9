import { Prisma, type PrismaClient, type ReportEventKind as TReportEventKind } from "../../db/generated/client";
import type {
  TReportPeriod,
  TReportRow,
  TReportSortKey,
  TReportTable,
  TReportTableKind,
  TSortDirection,
} from "../../reports/schemas";
import { sortReportRows } from "../../reports/table-columns";
import {
  AGENT_KINDS,
  ALL_KINDS,
  factsWhere,
  sharesOf,
  tableSelect,
  wholeSeconds,
  type TReportScope,
  type TSharesRow,
} from "./report-sql";

/** More rows than any team has agents, accounts or labels: a bound, not a page. */
const MAX_ROWS = 1000;

/** How each table groups the facts and where it finds each group's name. */
const GROUPING: Record<
  TReportTableKind,
  { key: Prisma.Sql; from: Prisma.Sql; names: Prisma.Sql; only: Prisma.Sql; kinds: readonly TReportEventKind[] }
> = {
  agents: {
    key: Prisma.sql`"agentId"`,
    from: Prisma.sql`"ReportEvent"`,
    names: Prisma.sql`JOIN "User" n ON n."id" = g."key"`,
    only: Prisma.sql`AND "agentId" IS NOT NULL`,
    kinds: AGENT_KINDS,
  },
  accounts: {
    key: Prisma.sql`"accountId"`,
    from: Prisma.sql`"ReportEvent"`,
    names: Prisma.sql`JOIN (SELECT "id", "displayName" AS "name" FROM "InstagramAccount") n ON n."id" = g."key"`,
    only: Prisma.empty,
    kinds: ALL_KINDS,
  },
  // A conversation's facts count for each label it carries (labelIds as they are now).
  labels: {
    key: Prisma.sql`l."labelId"`,
    from: Prisma.sql`"ReportEvent" CROSS JOIN LATERAL unnest("labelIds") AS l("labelId")`,
    names: Prisma.sql`JOIN "Label" n ON n."id" = g."key"`,
    only: Prisma.empty,
    kinds: ALL_KINDS,
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
  const rows = await prisma.$queryRaw<TTableRow[]>`
    SELECT g.*, n."name" FROM (
      SELECT ${group.key} AS "key", ${tableSelect(period.businessHours)}
      FROM ${group.from}
      WHERE ${factsWhere(group.kinds, range, scope)} ${group.only}
      GROUP BY 1
    ) g ${group.names}
    LIMIT ${MAX_ROWS}`;
  const answer = rows.map((row): TReportRow => ({
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
