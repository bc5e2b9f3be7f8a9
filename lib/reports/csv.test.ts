import { describe, expect, it } from "vitest";
import { csvField, reportCsv, reportCsvFilename } from "./csv";
import type { TReportRow } from "./schemas";
import { sortReportRows } from "./table-columns";

const row = (over: Partial<TReportRow>): TReportRow => ({
  id: "id",
  name: "Name",
  conversationsHandled: 0,
  firstResponseMedian: null,
  firstResponseP90: null,
  resolutionMedian: null,
  repliesSent: 0,
  csat: null,
  csatAnswers: 0,
  slaBreaches: 0,
  slaMet: null,
  ...over,
});

describe("a report table as CSV", () => {
  it("writes a header and one line per row, seconds whole and shares in percent", () => {
    const csv = reportCsv("agents", [
      row({ id: "a", name: "Ann", conversationsHandled: 2, firstResponseMedian: 90, csat: 2 / 3, csatAnswers: 3 }),
    ]);
    expect(csv.split("\r\n")).toEqual([
      "Agent,Conversations handled,First response median (seconds),First response p90 (seconds),Resolution median (seconds),Replies sent,CSAT (%),Survey answers,SLA breaches,SLA met (%)",
      "Ann,2,90,,,0,66.7,3,0,",
      "",
    ]);
  });

  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvField('Shop, "the best"')).toBe('"Shop, ""the best"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("plain")).toBe("plain");
  });

  it("names the file after the table and the days", () => {
    expect(reportCsvFilename("labels", { firstDay: "2026-12-03", lastDay: "2026-12-09" })).toBe(
      "report-labels-2026-12-03-to-2026-12-09.csv",
    );
  });
});

describe("a report table's order", () => {
  const rows = [
    row({ id: "1", name: "Bea", conversationsHandled: 3, firstResponseMedian: 50 }),
    row({ id: "2", name: "ann", conversationsHandled: 3, firstResponseMedian: null }),
    row({ id: "3", name: "Cid", conversationsHandled: 5, firstResponseMedian: 20 }),
  ];
  it("sorts either way, ties by name, rows without a value last", () => {
    expect(sortReportRows(rows, "conversationsHandled", "desc").map((r) => r.name)).toEqual(["Cid", "ann", "Bea"]);
    expect(sortReportRows(rows, "firstResponseMedian", "asc").map((r) => r.name)).toEqual(["Cid", "Bea", "ann"]);
    expect(sortReportRows(rows, "firstResponseMedian", "desc").map((r) => r.name)).toEqual(["Bea", "Cid", "ann"]);
    expect(sortReportRows(rows, "name", "asc").map((r) => r.name)).toEqual(["ann", "Bea", "Cid"]);
  });
});
