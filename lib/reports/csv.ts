import type { TReportRow, TReportTableKind } from "./schemas";
import { reportColumns, type TColumnKind } from "./table-columns";

// A report table as CSV (RFC 4180): a header row, then the rows as given, CRLF line ends.
// Times in whole seconds and shares in percent, so a spreadsheet can compute with them.

const UNIT: Record<TColumnKind, string> = { text: "", count: "", seconds: " (seconds)", share: " (%)" };

/** Quotes a field when it must; a name a spreadsheet would run as a formula is made text. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cell(kind: TColumnKind, value: string | number | null): string {
  if (value === null) return "";
  if (kind === "text") return csvField(String(value));
  if (kind === "share") return (Number(value) * 100).toFixed(1);
  return String(Math.round(Number(value)));
}

export function reportCsv(by: TReportTableKind, rows: readonly TReportRow[]): string {
  const columns = reportColumns(by);
  const lines = [
    columns.map((c) => csvField(`${c.header}${UNIT[c.kind]}`)).join(","),
    ...rows.map((row) => columns.map((c) => cell(c.kind, row[c.key])).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** The download's name: what it holds and for which days. */
export function reportCsvFilename(by: TReportTableKind, period: { firstDay: string; lastDay: string }): string {
  return `report-${by}-${period.firstDay}-to-${period.lastDay}.csv`;
}
