"use client";

import { OverviewPanel } from "./overview-panel";
import { ReportFilters } from "./report-filters";
import { ReportTable } from "./report-table";
import { ReportTabs } from "./report-tabs";
import { useReportView } from "./use-report-view";

/** Reports (admins): filters, then the Overview or a table, all named by the URL. */
export function ReportsPage() {
  const { tab, query, change } = useReportView();
  return (
    <div className="space-y-4">
      <ReportFilters query={query} onChange={change} />
      <ReportTabs tab={tab} onSelect={(next) => change({ tab: next })}>
        {tab === "overview" ? (
          <OverviewPanel query={query} />
        ) : (
          <ReportTable by={tab} query={query} onChange={change} />
        )}
      </ReportTabs>
    </div>
  );
}
