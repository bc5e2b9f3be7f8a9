"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { TFigureKey, TSeriesPoint } from "@/lib/reports/schemas";

export interface TSeriesLine {
  key: TFigureKey;
  label: string;
  color: string;
  format: (value: number | null) => string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "7 Dec" for a day, "14:00" (or "7 Dec 14:00" over several days) for an hour. */
export function bucketLabel(bucket: string, severalDays: boolean): string {
  const [date = "", hour] = bucket.split("T");
  const [, month = "1", day = "1"] = date.split("-");
  const dayLabel = `${Number(day)} ${MONTHS[Number(month) - 1] ?? ""}`;
  if (hour === undefined) return dayLabel;
  return severalDays ? `${dayLabel} ${hour}` : hour;
}

/**
 * A chart over time (Recharts, SVG with a <title> and <desc>) inside a figure named by its
 * caption, and the same numbers as a table behind "Show data" for screen readers and anyone
 * who wants the figures.
 */
export function SeriesChart({
  title,
  description,
  points,
  lines,
  emptyText,
}: {
  title: string;
  description: string;
  points: TSeriesPoint[];
  lines: TSeriesLine[];
  /** Said above the chart while no line has a value other than 0 in the period. */
  emptyText: string;
}) {
  const severalDays = new Set(points.map((p) => p.bucket.slice(0, 10))).size > 1;
  const data = points.map((p) => ({ ...p, label: bucketLabel(p.bucket, severalDays) }));
  const format = lines[0]?.format ?? String;
  const measured = points.some((point) => lines.some((line) => (point[line.key] ?? 0) !== 0));
  return (
    <figure aria-label={title} className="rounded-lg border border-neutral-200 bg-white p-3">
      <figcaption className="mb-2 text-sm font-semibold text-neutral-800">{title}</figcaption>
      {!measured && <p className="mb-1 text-sm text-neutral-600">{emptyText}</p>}
      <LineChart responsive style={{ width: "100%", height: 220 }} data={data} title={title} desc={description}>
        <CartesianGrid stroke="#e5e5e5" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#525252" }} minTickGap={16} />
        <YAxis
          tick={{ fontSize: 11, fill: "#525252" }}
          width={56}
          tickFormatter={(v: number) => format(v)}
          allowDecimals={false}
        />
        <Tooltip formatter={(value) => format(typeof value === "number" ? value : null)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {lines.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.label}
            stroke={line.color}
            dot={data.length <= 48 ? { r: 2 } : false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-neutral-700">Show data</summary>
        <div className="mt-2 max-h-64 overflow-auto" tabIndex={0} role="region" aria-label={`${title}: the numbers`}>
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">{title}: the numbers</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Time
                </th>
                {lines.map((line) => (
                  <th key={line.key} scope="col" className="py-1 pr-3">
                    {line.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((point) => (
                <tr key={point.bucket} className="border-t border-neutral-100">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {point.label}
                  </th>
                  {lines.map((line) => (
                    <td key={line.key} className="py-1 pr-3">
                      {line.format(point[line.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
