import { z } from "zod";
import { ZIsoDate } from "../business-hours/schemas";
import { daysBetween } from "./zoned-time";

// Reports (issue 19) as the API takes and answers them, shared by the server (routes, verbs) and
// the browser (fetchers, the pages' URL). Every figure is read from the ReportEvent table, one
// row per fact, never from messages. Medians and 90th percentiles are PostgreSQL's
// percentile_cont(0.5) and percentile_cont(0.9) over the facts' seconds (interpolated, as
// PostgreSQL computes them, rounded to whole seconds). Days and hours are those of the report's
// time zone: the filtered account's (InstagramAccount.timeZone), else UTC.

export const REPORT_RANGES = ["today", "7d", "30d", "custom"] as const;
export const ZReportRange = z.enum(REPORT_RANGES);
export type TReportRange = z.infer<typeof ZReportRange>;

export const ZGranularity = z.enum(["hour", "day"]);
export type TGranularity = z.infer<typeof ZGranularity>;

/** The longest custom range, in days, and the longest one shown hour by hour. */
export const MAX_RANGE_DAYS = 366;
export const MAX_HOURLY_DAYS = 31;

/** Our ids (cuid, UUID), as the API's addresses take them. */
const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not an id");

/** What a report is asked for, as the page's URL and the API's query string carry it. */
const reportQueryFields = {
  range: ZReportRange.default("7d"),
  /** custom only: the first and last day (inclusive), in the report's time zone. */
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  /** Unset: hours for a range of up to two days, days beyond; hours only up to 31 days. */
  granularity: ZGranularity.optional(),
  accountId: ZId.optional(),
  /** on: every time measured in the account's business hours only. */
  businessHours: z.enum(["on", "off"]).default("off"),
};

function customRangeProblems(q: { range: TReportRange; from?: string | undefined; to?: string | undefined }) {
  if (q.range !== "custom") return [];
  if (!q.from || !q.to) return ["a custom range needs from and to"];
  const days = daysBetween(q.from, q.to);
  if (days < 0) return ["from must not be after to"];
  if (days + 1 > MAX_RANGE_DAYS) return [`a range is at most ${MAX_RANGE_DAYS} days`];
  return [];
}

function withCustomRangeCheck<T extends z.ZodObject>(schema: T) {
  return schema.superRefine((q, ctx) => {
    for (const message of customRangeProblems(q as Parameters<typeof customRangeProblems>[0])) {
      ctx.addIssue({ code: "custom", message, path: ["from"] });
    }
  });
}

const adminFields = { ...reportQueryFields, agentId: ZId.optional(), labelId: ZId.optional() };
export const ZReportQuery = withCustomRangeCheck(z.object(adminFields));
export type TReportQuery = z.infer<typeof ZReportQuery>;

/** The columns a table sorts by (lib/reports/table-columns.ts names them). */
export const REPORT_SORT_KEYS = [
  "name",
  "conversationsHandled",
  "firstResponseMedian",
  "firstResponseP90",
  "resolutionMedian",
  "repliesSent",
  "csat",
  "slaBreaches",
  "slaMet",
] as const;
export const ZReportSortKey = z.enum(REPORT_SORT_KEYS);
export type TReportSortKey = z.infer<typeof ZReportSortKey>;
export const ZSortDirection = z.enum(["asc", "desc"]);
export type TSortDirection = z.infer<typeof ZSortDirection>;

/** A table (and its CSV): the report's query and the order the page shows it in. */
export const ZReportTableQuery = withCustomRangeCheck(
  z.object({
    ...adminFields,
    sort: ZReportSortKey.default("conversationsHandled"),
    dir: ZSortDirection.default("desc"),
  }),
);
export type TReportTableQuery = z.infer<typeof ZReportTableQuery>;

/** My performance: an agent's own figures; the agent is the signed-in user. */
export const ZMyPerformanceQuery = withCustomRangeCheck(z.object({ ...reportQueryFields, labelId: ZId.optional() }));
export type TMyPerformanceQuery = z.infer<typeof ZMyPerformanceQuery>;

// ---- Answers ------------------------------------------------------------------------------

export const ZReportPeriod = z
  .object({
    /** [from, to): to is the range's end, or now when the range has not ended. */
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    /** The period before, of equal length: as long as [from, to), starting as many days earlier. */
    previousFrom: z.iso.datetime(),
    previousTo: z.iso.datetime(),
    /** The range's days (inclusive), in the time zone. */
    firstDay: ZIsoDate,
    lastDay: ZIsoDate,
    timeZone: z.string(),
    granularity: ZGranularity,
    businessHours: z.boolean(),
  })
  .describe("The period a report covers and the one it is compared with.");
export type TReportPeriod = z.infer<typeof ZReportPeriod>;

/** A value (null: nothing to measure, or not counted for this filter), its previous value, the change. */
export const ZFigure = z.object({
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** (value − previous) / previous; null when either is null or previous is 0. */
  change: z.number().nullable(),
});
export type TFigure = z.infer<typeof ZFigure>;

/**
 * The measures, by name. Counts are whole numbers; times are seconds; shares are 0 to 1.
 * Under an agent filter the customer's own facts (opened, reopened, messages in) count for
 * nobody and are null.
 */
export const FIGURE_KEYS = [
  "opened",
  "resolved",
  "reopened",
  "messagesIn",
  "messagesOut",
  "firstResponseMedian",
  "firstResponseP90",
  "replyTimeMedian",
  "replyTimeP90",
  "resolutionMedian",
  "resolutionP90",
  /** The share of survey answers scoring 4 or 5. */
  "csat",
  "csatAnswers",
  "lostWindows",
  "slaBreaches",
  /** The share of first responses, replies and resolutions with an SLA target that met it. */
  "slaMet",
] as const;
export type TFigureKey = (typeof FIGURE_KEYS)[number];

const numberOrNull = z.number().nullable();
export const ZFigureValues = z.object(
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, numberOrNull])) as Record<TFigureKey, typeof numberOrNull>,
);
export type TFigureValues = z.infer<typeof ZFigureValues>;

export const ZReportFigures = z.object(
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, ZFigure])) as Record<TFigureKey, typeof ZFigure>,
);
export type TReportFigures = z.infer<typeof ZReportFigures>;

/** One time bucket: its start and its local key ("YYYY-MM-DD", or "YYYY-MM-DDTHH:00" by hour). */
export const ZSeriesPoint = ZFigureValues.extend({ bucket: z.string(), start: z.iso.datetime() });
export type TSeriesPoint = z.infer<typeof ZSeriesPoint>;

/** Incoming messages by local weekday (1 Monday … 7 Sunday) and hour (0–23): all 168 cells. */
export const ZHeatmapCell = z.object({
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  count: z.number().int().min(0),
});
export type THeatmapCell = z.infer<typeof ZHeatmapCell>;

export const ZReportOverview = z
  .object({
    period: ZReportPeriod,
    figures: ZReportFigures,
    series: z.array(ZSeriesPoint),
    /** Null under an agent filter: incoming messages are the customer's. */
    heatmap: z.array(ZHeatmapCell).nullable(),
  })
  .describe("GET /api/admin/reports/overview and /api/me/performance: figures, series and heatmap.");
export type TReportOverview = z.infer<typeof ZReportOverview>;

export const REPORT_TABLES = ["agents", "accounts", "labels"] as const;
export const ZReportTableKind = z.enum(REPORT_TABLES);
export type TReportTableKind = z.infer<typeof ZReportTableKind>;

/** `/api/admin/reports/tables/[by]` and its `/csv`. */
export const ZReportTableParams = z.object({ by: ZReportTableKind });

export const ZReportRow = z.object({
  id: z.string(),
  name: z.string(),
  /** Conversations an agent replied in or resolved in the period. */
  conversationsHandled: z.number().int(),
  firstResponseMedian: numberOrNull,
  firstResponseP90: numberOrNull,
  resolutionMedian: numberOrNull,
  /** Messages agents sent to customers. */
  repliesSent: z.number().int(),
  csat: numberOrNull,
  csatAnswers: z.number().int(),
  slaBreaches: z.number().int(),
  slaMet: numberOrNull,
});
export type TReportRow = z.infer<typeof ZReportRow>;

export const ZReportTable = z
  .object({ period: ZReportPeriod, by: ZReportTableKind, rows: z.array(ZReportRow) })
  .describe(
    "GET /api/admin/reports/tables/{agents|accounts|labels}: one row per agent, account or label with activity.",
  );
export type TReportTable = z.infer<typeof ZReportTable>;
