import { Prisma, type PrismaClient } from "../../db/generated/client";
import { compareFigures } from "../../reports/figures";
import { periodBuckets } from "../../reports/period";
import type { THeatmapCell, TReportOverview, TReportPeriod, TSeriesPoint } from "../../reports/schemas";
import { reportRows } from "./report-rows";
import {
  heatmapSql,
  measuresSql,
  reportQuery,
  toFigureValues,
  type TFiguresRow,
  type TRangeSql,
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
  const rows = (range: TRangeSql, grain: "day" | "hour" = "day") =>
    reportRows({ range, timeZone: period.timeZone, scope, grain, labels: "all", agents: "all" });
  const figures = (range: TRangeSql) =>
    reportQuery<TFiguresRow>(
      prisma,
      measuresSql({ rows: rows(range), key: Prisma.sql`''`, businessHours: period.businessHours }),
    );
  const hourly = period.granularity === "hour";
  const [now, before, buckets, heatmap] = await Promise.all([
    figures(current),
    figures(previous),
    reportQuery<TFiguresRow & { key: Date }>(
      prisma,
      measuresSql({
        rows: rows(current, period.granularity),
        key: Prisma.sql`r."bucket"`,
        businessHours: period.businessHours,
      }),
    ),
    agentFiltered ? Promise.resolve(null) : heatmapCells(prisma, rows(current)),
  ]);
  const values = (row: TFiguresRow | undefined) => toFigureValues(row ?? emptyRow(), { agentFiltered });
  // A bucket is a local wall time (timestamp without time zone): its ISO digits are the key.
  const bucketKey = (key: Date) => (hourly ? `${key.toISOString().slice(0, 13)}:00` : key.toISOString().slice(0, 10));
  const byBucket = new Map(buckets.map((row) => [bucketKey(row.key), row]));
  const series: TSeriesPoint[] = periodBuckets(period).map(({ bucket, start }) => ({
    bucket,
    start,
    ...values(byBucket.get(bucket)),
  }));
  return { period, figures: compareFigures(values(now[0]), values(before[0])), series, heatmap };
}

/** Incoming messages per local weekday × hour, every one of the 168 cells (0 where none). */
async function heatmapCells(prisma: PrismaClient, rows: Prisma.Sql): Promise<THeatmapCell[]> {
  const found = await reportQuery<THeatmapCell>(prisma, heatmapSql(rows));
  const counts = new Map(found.map((r) => [`${r.weekday}:${r.hour}`, r.count]));
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
