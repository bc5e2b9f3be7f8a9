import { z } from "zod";
import { ZReportTableQuery, type TReportTableQuery } from "./schemas";

// Every view of the reports lives in the URL (the tab, the range, the filters, a table's
// order), so a lead can bookmark or share it; the same search string asks the API.

export const REPORT_TABS = ["overview", "agents", "accounts", "labels"] as const;
export const ZReportTab = z.enum(REPORT_TABS);
export type TReportTab = z.infer<typeof ZReportTab>;

export interface TReportView {
  tab: TReportTab;
  query: TReportTableQuery;
}

const DEFAULTS: Record<string, string> = {
  range: "7d",
  businessHours: "off",
  sort: "conversationsHandled",
  dir: "desc",
};

/** The view a URL names; what it cannot read falls back to the defaults, one field at a time. */
export function readReportView(params: URLSearchParams): TReportView {
  const raw = Object.fromEntries(params);
  const whole = ZReportTableQuery.safeParse(raw);
  let query: TReportTableQuery;
  if (whole.success) query = whole.data;
  else {
    const kept = Object.fromEntries(
      Object.entries(raw).filter(([key, value]) => ZReportTableQuery.safeParse({ ...DEFAULTS, [key]: value }).success),
    );
    const partial = ZReportTableQuery.safeParse(kept);
    query = partial.success ? partial.data : ZReportTableQuery.parse({});
  }
  const tab = ZReportTab.safeParse(raw.tab);
  return { tab: tab.success ? tab.data : "overview", query };
}

/** The search string of a query (defaults and blanks left out), for the page's URL and the API. */
export function reportSearch(query: Partial<Record<keyof TReportTableQuery | "tab", string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "" || DEFAULTS[key] === value || (key === "tab" && value === "overview"))
      continue;
    if ((key === "from" || key === "to") && query.range !== "custom") continue;
    params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
