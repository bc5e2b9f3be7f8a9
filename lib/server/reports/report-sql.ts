import { Prisma, ReportEventKind, type ReportEventKind as TReportEventKind } from "../../db/generated/client";
import type { TFigureValues } from "../../reports/schemas";

// The SQL the reports share. Every statement reads ReportEvent within [from, to) on "at" and
// names the kinds it aggregates, so PostgreSQL can walk the reports' index (kind, at, and every
// column a report aggregates) by range for each kind and answer from the index alone, or
// @@index([accountId, at]) / @@index([agentId, at]) under a filter; a label filter is an array
// containment (@>) the GIN index on "labelIds" serves.
// Medians and 90th percentiles are percentile_cont(0.5) and percentile_cont(0.9) (PostgreSQL
// and PGlite alike), over "seconds", or over "businessSeconds" with business hours on.

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

/** The kinds of fact an agent's row of a table reads: what agents did, not what customers did. */
export const AGENT_KINDS: readonly TReportEventKind[] = [
  "ASSIGNED",
  "MESSAGE_OUT",
  "FIRST_RESPONSE",
  "REPLY",
  "RESOLVED",
  "SURVEY_ANSWERED",
  "SLA_BREACHED",
];

/** Every kind: an account's or a label's row counts whatever happened in it. */
export const ALL_KINDS: readonly TReportEventKind[] = Object.values(ReportEventKind);

/**
 * The kinds of fact the overview's figures and series read: every kind but assignments and
 * surveys sent, which no figure counts (a kind added later is read until a figure says otherwise).
 */
export const FIGURE_KINDS: readonly TReportEventKind[] = ALL_KINDS.filter(
  (kind) => kind !== "ASSIGNED" && kind !== "SURVEY_SENT",
);

/**
 * The WHERE clause of a report's facts: the kinds it reads, the range, the access and the
 * filters. The kinds come first: they lead the reports' index.
 */
export function factsWhere(kinds: readonly TReportEventKind[], range: TRangeSql, scope: TReportScope): Prisma.Sql {
  const parts = [
    Prisma.sql`"kind" = ANY(${[...kinds]}::text[]::"ReportEventKind"[])`,
    Prisma.sql`"at" >= ${range.from} AND "at" < ${range.to}`,
  ];
  if (scope.accountIds !== null) parts.push(Prisma.sql`"accountId" = ANY(${[...scope.accountIds]}::text[])`);
  if (scope.accountId !== undefined) parts.push(Prisma.sql`"accountId" = ${scope.accountId}`);
  if (scope.agentId !== undefined) parts.push(Prisma.sql`"agentId" = ${scope.agentId}`);
  if (scope.labelId !== undefined) parts.push(Prisma.sql`"labelIds" @> ARRAY[${scope.labelId}]::text[]`);
  return Prisma.join(parts, " AND ");
}

/** The time a fact measured: around the clock, or in business hours only (as seconds when the account has none). */
function timeColumn(businessHours: boolean): Prisma.Sql {
  return businessHours ? Prisma.sql`COALESCE("businessSeconds", "seconds")` : Prisma.sql`"seconds"`;
}

function percentile(fraction: 0.5 | 0.9, kind: string, businessHours: boolean): Prisma.Sql {
  return Prisma.sql`percentile_cont(${Prisma.raw(String(fraction))}) WITHIN GROUP (ORDER BY ${timeColumn(businessHours)})
    FILTER (WHERE "kind" = ${Prisma.raw(`'${kind}'`)})`;
}

const count = (condition: string) => Prisma.raw(`count(*) FILTER (WHERE ${condition})::int`);

/** Survey answers and SLA steps: the shares are computed from these counts. */
const SHARES_SELECT = Prisma.sql`
  ${count(`"kind" = 'SURVEY_ANSWERED'`)} AS "csatAnswers",
  ${count(`"kind" = 'SURVEY_ANSWERED' AND "score" >= 4`)} AS "csatSatisfied",
  ${count(`"kind" = 'SLA_BREACHED'`)} AS "slaBreaches",
  ${count(`"kind" IN ('FIRST_RESPONSE', 'REPLY', 'RESOLVED') AND "slaMet" IS NOT NULL`)} AS "slaMeasured",
  ${count(`"kind" IN ('FIRST_RESPONSE', 'REPLY', 'RESOLVED') AND "slaMet"`)} AS "slaMetCount"`;

/** Every measure of the overview, as aggregates over the facts in the WHERE clause. */
export function figuresSelect(businessHours: boolean): Prisma.Sql {
  return Prisma.sql`
    ${count(`"kind" = 'OPENED'`)} AS "opened",
    ${count(`"kind" = 'RESOLVED'`)} AS "resolved",
    ${count(`"kind" = 'REOPENED'`)} AS "reopened",
    ${count(`"kind" = 'MESSAGE_IN'`)} AS "messagesIn",
    ${count(`"kind" = 'MESSAGE_OUT'`)} AS "messagesOut",
    ${percentile(0.5, "FIRST_RESPONSE", businessHours)} AS "firstResponseMedian",
    ${percentile(0.9, "FIRST_RESPONSE", businessHours)} AS "firstResponseP90",
    ${percentile(0.5, "REPLY", businessHours)} AS "replyTimeMedian",
    ${percentile(0.9, "REPLY", businessHours)} AS "replyTimeP90",
    ${percentile(0.5, "RESOLVED", businessHours)} AS "resolutionMedian",
    ${percentile(0.9, "RESOLVED", businessHours)} AS "resolutionP90",
    ${count(`"kind" = 'WINDOW_LOST'`)} AS "lostWindows",
    ${SHARES_SELECT}`;
}

/** A table's measures per group (agent, account or label). */
export function tableSelect(businessHours: boolean): Prisma.Sql {
  return Prisma.sql`
    count(DISTINCT "conversationId") FILTER (WHERE "agentId" IS NOT NULL AND "kind" IN ('MESSAGE_OUT', 'RESOLVED'))::int
      AS "conversationsHandled",
    ${percentile(0.5, "FIRST_RESPONSE", businessHours)} AS "firstResponseMedian",
    ${percentile(0.9, "FIRST_RESPONSE", businessHours)} AS "firstResponseP90",
    ${percentile(0.5, "RESOLVED", businessHours)} AS "resolutionMedian",
    ${count(`"kind" = 'MESSAGE_OUT' AND "agentId" IS NOT NULL`)} AS "repliesSent",
    ${SHARES_SELECT}`;
}

/** What figuresSelect answers, before the shares are worked out. */
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
 * A row of figuresSelect as the answer's values: whole seconds, shares. Under an agent filter
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
