import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../http/fetch-json";
import {
  ZReportOverview,
  ZReportTable,
  type TMyPerformanceQuery,
  type TReportQuery,
  type TReportTableKind,
  type TReportTableQuery,
} from "../reports/schemas";
import { reportSearch } from "../reports/url";

// Reports in the browser: each view's answer is cached by its query (the URL's search string),
// kept on screen while the next one loads, and parsed with the route's own response schema.

/** Figures move with every message; a minute old is fresh enough for a report. */
const REPORT_STALE_MS = 60_000;

export const reportKeys = {
  all: ["reports"] as const,
  overview: (search: string) => [...reportKeys.all, "overview", search] as const,
  table: (by: TReportTableKind, search: string) => [...reportKeys.all, "table", by, search] as const,
  performance: (search: string) => [...reportKeys.all, "performance", search] as const,
};

/** The query's filters only: a table's order does not change the overview. */
function overviewSearch(query: TReportQuery): string {
  const { range, from, to, granularity, accountId, agentId, labelId, businessHours } = query;
  return reportSearch({ range, from, to, granularity, accountId, agentId, labelId, businessHours });
}

export function reportOverviewQuery(query: TReportQuery) {
  const search = overviewSearch(query);
  return queryOptions({
    queryKey: reportKeys.overview(search),
    queryFn: () => fetchJson(`/api/admin/reports/overview${search}`, ZReportOverview),
    staleTime: REPORT_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export function reportTableQuery(by: TReportTableKind, query: TReportTableQuery) {
  const search = reportSearch(query);
  return queryOptions({
    queryKey: reportKeys.table(by, search),
    queryFn: () => fetchJson(`/api/admin/reports/tables/${by}${search}`, ZReportTable),
    staleTime: REPORT_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

/** Where "Export CSV" downloads a table from: the same query, so the same rows in the same order. */
export function reportCsvUrl(by: TReportTableKind, query: TReportTableQuery): string {
  return `/api/admin/reports/tables/${by}/csv${reportSearch(query)}`;
}

export function myPerformanceQuery(query: TMyPerformanceQuery) {
  const { range, from, to, granularity, accountId, labelId, businessHours } = query;
  const search = reportSearch({ range, from, to, granularity, accountId, labelId, businessHours });
  return queryOptions({
    queryKey: reportKeys.performance(search),
    queryFn: () => fetchJson(`/api/me/performance${search}`, ZReportOverview),
    staleTime: REPORT_STALE_MS,
    placeholderData: keepPreviousData,
  });
}
