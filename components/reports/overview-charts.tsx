import { formatCount, formatDuration } from "@/lib/reports/format";
import type { TSeriesPoint } from "@/lib/reports/schemas";
import { SeriesChart } from "./series-chart";

const BLUE = "#1d4ed8";
const GREEN = "#15803d";
const ORANGE = "#c2410c";

/** The overview's charts over time; `own`: an agent's figures, without the customer's counts. */
export function OverviewCharts({ series, own = false }: { series: TSeriesPoint[]; own?: boolean }) {
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
      <SeriesChart
        title={own ? "Resolved over time" : "Conversations over time"}
        description="Conversations opened, resolved and reopened in each period of the range."
        points={series}
        emptyText={
          own ? "Nothing resolved in this period yet." : "No conversation opened or resolved in this period yet."
        }
        lines={[
          ...(own ? [] : [{ key: "opened" as const, label: "Opened", color: BLUE, format: formatCount }]),
          { key: "resolved", label: "Resolved", color: GREEN, format: formatCount },
          ...(own ? [] : [{ key: "reopened" as const, label: "Reopened", color: ORANGE, format: formatCount }]),
        ]}
      />
      <SeriesChart
        title={own ? "Replies over time" : "Messages over time"}
        description="Messages from customers and messages sent to them in each period of the range."
        points={series}
        emptyText={own ? "No reply sent in this period yet." : "No message in or out in this period yet."}
        lines={[
          ...(own ? [] : [{ key: "messagesIn" as const, label: "Messages in", color: BLUE, format: formatCount }]),
          { key: "messagesOut", label: own ? "Replies sent" : "Messages out", color: GREEN, format: formatCount },
        ]}
      />
      <SeriesChart
        title="Response times over time"
        description="The median first response time and median reply time in each period of the range."
        points={series}
        emptyText="No response time measured in this period yet: one is measured when an agent answers a waiting customer."
        lines={[
          { key: "firstResponseMedian", label: "First response, median", color: BLUE, format: formatDuration },
          { key: "replyTimeMedian", label: "Reply time, median", color: ORANGE, format: formatDuration },
        ]}
      />
    </div>
  );
}
