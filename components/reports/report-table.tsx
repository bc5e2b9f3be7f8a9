"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/error-alert";
import { secondaryButton } from "@/components/ui/styles";
import { formatCount, formatDuration, formatShare } from "@/lib/reports/format";
import { reportCsvUrl, reportTableQuery } from "@/lib/queries/reports";
import type { TReportRow, TReportTableKind, TReportTableQuery } from "@/lib/reports/schemas";
import { reportColumns, type TColumnKind, type TReportColumn } from "@/lib/reports/table-columns";
import { KeptWhileLoading } from "./kept-while-loading";
import type { TViewPatch } from "./use-report-view";

const CAPTION: Record<TReportTableKind, string> = { agents: "By agent", accounts: "By account", labels: "By label" };
const WRITE: Record<TColumnKind, (value: number | null) => string> = {
  text: (v) => String(v ?? ""),
  count: formatCount,
  seconds: formatDuration,
  share: formatShare,
};

function cell(column: TReportColumn, row: TReportRow): string {
  const value = row[column.key];
  return typeof value === "string" ? value : WRITE[column.kind](value);
}

/** The CSV comes from the server with the table's own query, so it holds these rows, in this order. */
function exportCsv(by: TReportTableKind, query: TReportTableQuery) {
  const link = document.createElement("a");
  link.href = reportCsvUrl(by, query);
  link.download = "";
  link.click();
}

function SortHeader({
  column,
  query,
  onChange,
}: {
  column: TReportColumn;
  query: TReportTableQuery;
  onChange: (p: TViewPatch) => void;
}) {
  if (column.key === "csatAnswers")
    return (
      <th scope="col" className="px-2 py-2 font-medium">
        {column.header}
      </th>
    );
  const active = query.sort === column.key;
  const next = active && query.dir === "desc" ? "asc" : "desc";
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
      className="px-2 py-2 font-medium"
    >
      <button
        type="button"
        className="inline-flex items-center gap-1 hover:underline"
        onClick={() => onChange({ sort: column.key, dir: next })}
      >
        {column.header}
        <span aria-hidden="true">{active ? (query.dir === "asc" ? "▲" : "▼") : ""}</span>
      </button>
    </th>
  );
}

/** One row per agent, account or label; headers sort (in the URL); "Export CSV" downloads it. */
export function ReportTable({
  by,
  query,
  onChange,
}: {
  by: TReportTableKind;
  query: TReportTableQuery;
  onChange: (p: TViewPatch) => void;
}) {
  const table = useQuery(reportTableQuery(by, query));
  const columns = reportColumns(by);
  const rows = table.data?.rows ?? [];
  return (
    <section className="space-y-2" aria-busy={table.isFetching}>
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-neutral-800">{CAPTION[by]}</h2>
        <button type="button" className={secondaryButton} onClick={() => exportCsv(by, query)} disabled={!table.data}>
          Export CSV
        </button>
      </div>
      <ErrorAlert error={table.error} />
      {table.isPending && <p className="text-sm text-neutral-600">Loading…</p>}
      <KeptWhileLoading kept={table.isPlaceholderData}>
        {table.data && rows.length === 0 && (
          <p className="text-sm text-neutral-600">Nothing happened in this period.</p>
        )}
        {rows.length > 0 && (
          <div
            className="overflow-x-auto rounded-lg border border-neutral-200 bg-white"
            tabIndex={0}
            role="region"
            aria-label={CAPTION[by]}
          >
            <table className="w-full text-left text-sm tabular-nums">
              <caption className="sr-only">{CAPTION[by]}</caption>
              <thead className="bg-neutral-50 text-xs text-neutral-700">
                <tr>
                  {columns.map((column) => (
                    <SortHeader key={column.key} column={column} query={query} onChange={onChange} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-neutral-100">
                    {columns.map((column, n) =>
                      n === 0 ? (
                        <th key={column.key} scope="row" className="px-2 py-2 font-medium">
                          {cell(column, row)}
                        </th>
                      ) : (
                        <td key={column.key} className="px-2 py-2">
                          {cell(column, row)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </KeptWhileLoading>
    </section>
  );
}
