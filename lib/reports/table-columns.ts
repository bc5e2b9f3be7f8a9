import type { TReportRow, TReportSortKey, TReportTableKind, TSortDirection } from "./schemas";

// A report table's columns, in order, as the page shows them and the CSV writes them, and the
// one order both use: the CSV holds the rows the page shows, as the page sorts them.

export type TColumnKind = "text" | "count" | "seconds" | "share";

export interface TReportColumn {
  key: TReportSortKey | "csatAnswers";
  /** The table's header (the CSV adds the unit). */
  header: string;
  kind: TColumnKind;
}

const FIRST_HEADER: Record<TReportTableKind, string> = { agents: "Agent", accounts: "Account", labels: "Label" };

export function reportColumns(by: TReportTableKind): TReportColumn[] {
  return [
    { key: "name", header: FIRST_HEADER[by], kind: "text" },
    { key: "conversationsHandled", header: "Conversations handled", kind: "count" },
    { key: "firstResponseMedian", header: "First response median", kind: "seconds" },
    { key: "firstResponseP90", header: "First response p90", kind: "seconds" },
    { key: "resolutionMedian", header: "Resolution median", kind: "seconds" },
    { key: "repliesSent", header: "Replies sent", kind: "count" },
    { key: "csat", header: "CSAT", kind: "share" },
    { key: "csatAnswers", header: "Survey answers", kind: "count" },
    { key: "slaBreaches", header: "SLA breaches", kind: "count" },
    { key: "slaMet", header: "SLA met", kind: "share" },
  ];
}

/**
 * Rows in the order asked for; rows without a value (nothing measured) go last either way,
 * ties by name then id so the order is the same on every call.
 */
export function sortReportRows(rows: readonly TReportRow[], sort: TReportSortKey, dir: TSortDirection): TReportRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: TReportRow, b: TReportRow) =>
    a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...rows].sort((a, b) => {
    if (sort === "name") return sign * byName(a, b);
    const x = a[sort];
    const y = b[sort];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}
