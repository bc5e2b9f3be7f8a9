"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/error-alert";
import { reportOverviewQuery } from "@/lib/queries/reports";
import type { TReportOverview, TReportQuery } from "@/lib/reports/schemas";
import { FigureGrid } from "./figure-grid";
import { KeptWhileLoading } from "./kept-while-loading";
import { OWN_FIGURES, QUALITY_FIGURES, TIME_FIGURES, VOLUME_FIGURES } from "./figure-defs";
import { MessageHeatmap } from "./message-heatmap";
import { OverviewCharts } from "./overview-charts";
import { PeriodLine } from "./period-line";

/** An overview's answer on screen: the period, the figures, the charts and the heatmap. */
export function OverviewBody({ overview, own = false }: { overview: TReportOverview; own?: boolean }) {
  const quiet = overview.series.every(
    (p) => (p.messagesIn ?? 0) + (p.messagesOut ?? 0) + (p.resolved ?? 0) + (p.opened ?? 0) === 0,
  );
  return (
    <div className="space-y-5">
      <PeriodLine period={overview.period} />
      {quiet && (
        <p className="rounded-md bg-neutral-100 px-3 py-2 text-sm text-neutral-700">Nothing happened in this period.</p>
      )}
      {own ? (
        <FigureGrid title="Your figures" defs={OWN_FIGURES} figures={overview.figures} />
      ) : (
        <>
          <FigureGrid title="Volume" defs={VOLUME_FIGURES} figures={overview.figures} />
          <FigureGrid title="Times" defs={TIME_FIGURES} figures={overview.figures} />
          <FigureGrid title="Satisfaction and SLA" defs={QUALITY_FIGURES} figures={overview.figures} />
        </>
      )}
      <OverviewCharts series={overview.series} own={own} />
      {overview.heatmap && <MessageHeatmap cells={overview.heatmap} timeZone={overview.period.timeZone} />}
    </div>
  );
}

/** Reports → Overview. */
export function OverviewPanel({ query }: { query: TReportQuery }) {
  const overview = useQuery(reportOverviewQuery(query));
  return (
    <div aria-busy={overview.isFetching}>
      <ErrorAlert error={overview.error} />
      {overview.isPending && <p className="text-sm text-neutral-600">Loading the overview…</p>}
      {overview.data && (
        <KeptWhileLoading kept={overview.isPlaceholderData}>
          <OverviewBody overview={overview.data} />
        </KeptWhileLoading>
      )}
    </div>
  );
}
