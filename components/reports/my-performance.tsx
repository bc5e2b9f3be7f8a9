"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/error-alert";
import { myPerformanceQuery } from "@/lib/queries/reports";
import { KeptWhileLoading } from "./kept-while-loading";
import { OverviewBody } from "./overview-panel";
import { ReportFilters } from "./report-filters";
import { useReportView } from "./use-report-view";

/** My performance: the signed-in agent's own figures, in their accounts, with the same range and filters. */
export function MyPerformance() {
  const { query, change } = useReportView();
  const overview = useQuery(myPerformanceQuery(query));
  return (
    <div className="space-y-4">
      <ReportFilters query={query} onChange={change} withAgentAndLabel={false} />
      <div aria-busy={overview.isFetching}>
        <ErrorAlert error={overview.error} />
        {overview.isPending && <p className="text-sm text-neutral-600">Loading your figures…</p>}
        {overview.data && (
          <KeptWhileLoading kept={overview.isPlaceholderData}>
            <OverviewBody overview={overview.data} own />
          </KeptWhileLoading>
        )}
      </div>
    </div>
  );
}
