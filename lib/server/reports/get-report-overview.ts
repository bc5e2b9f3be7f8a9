import { Prisma, type PrismaClient } from "../../db/generated/client";
import { compareFigures } from "../../reports/figures";
import { periodBuckets } from "../../reports/period";
import type { THeatmapCell, TReportOverview, TReportPeriod, TSeriesPoint } from "../../reports/schemas";
import {
  FIGURE_KINDS,
  factsWhere,
  figuresSelect,
  toFigureValues,
  type TFiguresRow,
  type TReportScope,
} from "./report-sql";

/**
 * The overview of a period: each measure beside the previous period's, the measures per hour
 * or day, and the incoming messages by weekday and hour, all in the report's time zone.
 */
export async function getReportOverview(
  prisma: PrismaClient,
  { period, scope }: { period: TReportPeriod; scope: TReportScope },
): Promise<TReportOverview> {
  const agentFiltered = scope.agentId !== undefined;
  const current = { from: new Date(period.from), to: new Date(period.to) };
  const previous = { from: new Date(period.previousFrom), to: new Date(period.previousTo) };
  const select = figuresSelect(period.businessHours);
  const [now, before, buckets, heatmap] = await Promise.all([
    prisma.$queryRaw<
      TFiguresRow[]
    >`SELECT ${select} FROM "ReportEvent" WHERE ${factsWhere(FIGURE_KINDS, current, scope)}`,
    prisma.$queryRaw<
      TFiguresRow[]
    >`SELECT ${select} FROM "ReportEvent" WHERE ${factsWhere(FIGURE_KINDS, previous, scope)}`,
    seriesRows(prisma, period, scope),
    agentFiltered ? Promise.resolve(null) : heatmapCells(prisma, period, scope),
  ]);
  const values = (row: TFiguresRow | undefined) => toFigureValues(row ?? emptyRow(), { agentFiltered });
  const byBucket = new Map(buckets.map((row) => [row.bucket, row]));
  const series: TSeriesPoint[] = periodBuckets(period).map(({ bucket, start }) => ({
    bucket,
    start,
    ...values(byBucket.get(bucket)),
  }));
  return { period, figures: compareFigures(values(now[0]), values(before[0])), series, heatmap };
}

/** The local time of a fact: "at" is UTC wall time (timestamp without time zone). */
function localAt(timeZone: string): Prisma.Sql {
  return Prisma.sql`(("at" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})`;
}

function seriesRows(prisma: PrismaClient, period: TReportPeriod, scope: TReportScope) {
  const hourly = period.granularity === "hour";
  const bucket = Prisma.sql`to_char(date_trunc(${hourly ? "hour" : "day"}, ${localAt(period.timeZone)}),
    ${hourly ? 'YYYY-MM-DD"T"HH24:00' : "YYYY-MM-DD"})`;
  const range = { from: new Date(period.from), to: new Date(period.to) };
  return prisma.$queryRaw<(TFiguresRow & { bucket: string })[]>`
    SELECT ${bucket} AS "bucket", ${figuresSelect(period.businessHours)}
    FROM "ReportEvent" WHERE ${factsWhere(FIGURE_KINDS, range, scope)}
    GROUP BY 1`;
}

/** Incoming messages per local weekday × hour, every one of the 168 cells (0 where none). */
async function heatmapCells(prisma: PrismaClient, period: TReportPeriod, scope: TReportScope): Promise<THeatmapCell[]> {
  const range = { from: new Date(period.from), to: new Date(period.to) };
  const local = localAt(period.timeZone);
  const rows = await prisma.$queryRaw<THeatmapCell[]>`
    SELECT extract(isodow FROM ${local})::int AS "weekday", extract(hour FROM ${local})::int AS "hour", count(*)::int AS "count"
    FROM "ReportEvent" WHERE ${factsWhere(["MESSAGE_IN"], range, scope)}
    GROUP BY 1, 2`;
  const counts = new Map(rows.map((r) => [`${r.weekday}:${r.hour}`, r.count]));
  const cells: THeatmapCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, count: counts.get(`${weekday}:${hour}`) ?? 0 });
  }
  return cells;
}

function emptyRow(): TFiguresRow {
  return {
    opened: 0,
    resolved: 0,
    reopened: 0,
    messagesIn: 0,
    messagesOut: 0,
    firstResponseMedian: null,
    firstResponseP90: null,
    replyTimeMedian: null,
    replyTimeP90: null,
    resolutionMedian: null,
    resolutionP90: null,
    lostWindows: 0,
    csatAnswers: 0,
    csatSatisfied: 0,
    slaBreaches: 0,
    slaMeasured: 0,
    slaMetCount: 0,
  };
}
