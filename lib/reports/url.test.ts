import { describe, expect, it } from "vitest";
import { formatChange, formatDuration, formatShare } from "./format";
import { readReportView, reportSearch } from "./url";

describe("a report's URL", () => {
  it("reads the tab, the range and the filters, and writes them back without the defaults", () => {
    const view = readReportView(
      new URLSearchParams("tab=agents&range=custom&from=2026-12-01&to=2026-12-05&accountId=a1&sort=csat&dir=asc"),
    );
    expect(view).toEqual({
      tab: "agents",
      query: expect.objectContaining({
        range: "custom",
        from: "2026-12-01",
        to: "2026-12-05",
        accountId: "a1",
        sort: "csat",
        dir: "asc",
      }),
    });
    expect(reportSearch({ tab: view.tab, ...view.query })).toBe(
      "?tab=agents&range=custom&from=2026-12-01&to=2026-12-05&accountId=a1&sort=csat&dir=asc",
    );
    expect(reportSearch({ tab: "overview", range: "7d", from: "2026-12-01", businessHours: "off" })).toBe("");
  });

  it("keeps what it can read of a bad URL", () => {
    const view = readReportView(new URLSearchParams("tab=moods&range=30d&sort=nonsense&granularity=hour"));
    expect(view.tab).toBe("overview");
    expect(view.query).toMatchObject({ range: "30d", sort: "conversationsHandled", granularity: "hour" });
  });
});

describe("the reports' numbers", () => {
  it("writes durations, shares and changes", () => {
    expect([
      formatDuration(45),
      formatDuration(125),
      formatDuration(4800),
      formatDuration(183_600),
      formatDuration(null),
    ]).toEqual(["45s", "2m 05s", "1h 20m", "2d 3h", "—"]);
    expect([formatShare(2 / 3), formatShare(null)]).toEqual(["67%", "—"]);
    expect([formatChange(0.25), formatChange(-0.5), formatChange(0.001), formatChange(null)]).toEqual([
      "+25%",
      "−50%",
      "±0%",
      null,
    ]);
  });
});
