import { Prisma } from "../../db/generated/client";

// The shape every report reads: ReportEvent summed per bucket (a local day or hour), account,
// agent and label, as the roll-up table stores it (prisma/schema.prisma, ReportRollup). The
// roll-up worker writes these rows for whole days; a report makes the same rows from the facts
// for the days that are not rolled (today, a day whose facts changed) and for hourly charts.
// Each measure is then defined once, over rows of this shape (report-sql.ts).

/** The roll-up's measure columns, in order, as ReportRollup names them. */
export const ROLLUP_COLUMNS = [
  "opened",
  "reopened",
  "resolved",
  "messagesIn",
  "messagesOut",
  "repliesSent",
  "lostWindows",
  "csatAnswers",
  "csatSatisfied",
  "slaBreaches",
  "slaMeasured",
  "slaMetCount",
  "inHours",
  "firstResponse",
  "firstResponseBusiness",
  "reply",
  "replyBusiness",
  "resolution",
  "resolutionBusiness",
  "handled",
] as const;

export const rollupColumnList = Prisma.raw(ROLLUP_COLUMNS.map((c) => `"${c}"`).join(", "));

const count = (condition: string) => `count(*) FILTER (WHERE ${condition})::int`;
const times = (kind: string, value: string) =>
  `COALESCE(array_agg(${value}) FILTER (WHERE f."kind" = '${kind}' AND f."seconds" IS NOT NULL), '{}')`;
const business = `COALESCE(f."businessSeconds", f."seconds")`;

/** The measure columns of rollupFromFacts, aggregated over facts `f` (with their "localHour"). */
function measures(): Prisma.Sql {
  return Prisma.sql`
    ${Prisma.raw(count(`f."kind" = 'OPENED'`))} AS "opened",
    ${Prisma.raw(count(`f."kind" = 'REOPENED'`))} AS "reopened",
    ${Prisma.raw(count(`f."kind" = 'RESOLVED'`))} AS "resolved",
    ${Prisma.raw(count(`f."kind" = 'MESSAGE_IN'`))} AS "messagesIn",
    ${Prisma.raw(count(`f."kind" = 'MESSAGE_OUT'`))} AS "messagesOut",
    ${Prisma.raw(count(`f."kind" = 'MESSAGE_OUT' AND f."agent" <> ''`))} AS "repliesSent",
    ${Prisma.raw(count(`f."kind" = 'WINDOW_LOST'`))} AS "lostWindows",
    ${Prisma.raw(count(`f."kind" = 'SURVEY_ANSWERED'`))} AS "csatAnswers",
    ${Prisma.raw(count(`f."kind" = 'SURVEY_ANSWERED' AND f."score" >= 4`))} AS "csatSatisfied",
    ${Prisma.raw(count(`f."kind" = 'SLA_BREACHED'`))} AS "slaBreaches",
    ${Prisma.raw(count(`f."kind" IN ('FIRST_RESPONSE', 'REPLY', 'RESOLVED') AND f."slaMet" IS NOT NULL`))} AS "slaMeasured",
    ${Prisma.raw(count(`f."kind" IN ('FIRST_RESPONSE', 'REPLY', 'RESOLVED') AND f."slaMet"`))} AS "slaMetCount",
    CASE WHEN ${Prisma.raw(count(`f."kind" = 'MESSAGE_IN'`))} = 0 THEN '{}'::int[] ELSE ARRAY[${Prisma.raw(
      Array.from({ length: 24 }, (_, h) => count(`f."kind" = 'MESSAGE_IN' AND f."localHour" = ${h}`)).join(", "),
    )}] END AS "inHours",
    ${Prisma.raw(times("FIRST_RESPONSE", `f."seconds"`))} AS "firstResponse",
    ${Prisma.raw(times("FIRST_RESPONSE", business))} AS "firstResponseBusiness",
    ${Prisma.raw(times("REPLY", `f."seconds"`))} AS "reply",
    ${Prisma.raw(times("REPLY", business))} AS "replyBusiness",
    ${Prisma.raw(times("RESOLVED", `f."seconds"`))} AS "resolution",
    ${Prisma.raw(times("RESOLVED", business))} AS "resolutionBusiness",
    COALESCE(array_agg(DISTINCT f."conversationId")
      FILTER (WHERE f."agent" <> '' AND f."kind" IN ('MESSAGE_OUT', 'RESOLVED')), '{}') AS "handled"`;
}

/**
 * The facts `f` of one account in one span, for each row of `spans` (columns "accountId",
 * "start", "end"): a range scan of @@index([accountId, at]) per span. OFFSET 0 keeps PostgreSQL
 * from flattening it into a hash join over every fact of the account.
 */
export function factsOf(spans: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT e.* FROM "ReportEvent" e
    WHERE e."accountId" = ${spans}."accountId" AND e."at" >= ${spans}."start" AND e."at" < ${spans}."end"
    OFFSET 0) AS f`;
}

/** The local wall time of a fact in `timeZone` ("at" is UTC wall time). */
export function localTime(timeZone: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((f."at" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})`;
}

/**
 * Rows of the roll-up's shape from the facts `f` that `from` and `where` select: the time zone,
 * "bucket" (the local day or hour, as a timestamp), the account, the agent ("" for none, "*" for
 * all), and the label: the value `labels` gives ("" for the rows of every fact), or one row per
 * label a fact's conversation carries ("each").
 */
export function rollupFromFacts({
  grain,
  timeZone,
  from,
  where,
  labels,
  agents = "each",
}: {
  grain: "day" | "hour";
  /** A time zone's name, or the column that holds it (the worker rolls days of several zones). */
  timeZone: Prisma.Sql;
  from: Prisma.Sql;
  where: Prisma.Sql;
  labels: "each" | Prisma.Sql;
  /** "all": one row for every agent's facts (agentId "*"); "each" (the default): a row per agent. */
  agents?: "each" | "all";
}): Prisma.Sql {
  const local = localTime(timeZone);
  const label = labels === "each" ? Prisma.sql`l."labelId"` : Prisma.sql`${labels}::text`;
  const unnest = labels === "each" ? Prisma.sql`CROSS JOIN LATERAL unnest(f."labelIds") AS l("labelId")` : Prisma.empty;
  // Grouped by position: the time zone and the grain are parameters, which PostgreSQL does not
  // recognise as the same expression twice.
  return Prisma.sql`
    SELECT f."timeZone", f."bucket", f."accountId",
      ${agents === "all" ? Prisma.sql`'*'::text` : Prisma.sql`f."agent"`} AS "agentId", f."labelId", ${measures()}
    FROM (
      SELECT ${timeZone}::text AS "timeZone", date_trunc(${grain}, ${local}) AS "bucket",
        extract(hour FROM ${local})::int AS "localHour", f."accountId", COALESCE(f."agentId", '') AS "agent",
        ${label} AS "labelId", f."kind", f."seconds", f."businessSeconds", f."score", f."slaMet", f."conversationId"
      FROM ${from} ${unnest}
      WHERE ${where}
    ) f
    GROUP BY 1, 2, 3, 4, 5`;
}
