import { describe, expect, it } from "vitest";
import { slaBadge } from "./badge";
import { ZSlaPolicyInput } from "./schemas";

const now = new Date("2026-01-13T10:00:00Z");
const due = (iso: string, atRiskAt: string | null = null) =>
  slaBadge({ dueAt: iso, atRiskAt, target: "FIRST_RESPONSE" }, now);

describe("slaBadge", () => {
  it("says how long is left, in minutes then hours then days", () => {
    expect(due("2026-01-13T10:12:00Z")).toMatchObject({ text: "Due in 12 min", tone: "ok" });
    expect(due("2026-01-13T10:00:20Z").text).toBe("Due in 1 min");
    expect(due("2026-01-13T13:00:00Z").text).toBe("Due in 3 h");
    expect(due("2026-01-16T10:00:00Z").text).toBe("Due in 3 d");
  });

  it("is amber once 75 % of the target is used", () => {
    expect(due("2026-01-13T10:12:00Z", "2026-01-13T09:59:00Z")).toMatchObject({ tone: "atRisk" });
    expect(due("2026-01-13T10:12:00Z", "2026-01-13T10:01:00Z")).toMatchObject({ tone: "ok" });
  });

  it("says how long it is overdue, in red", () => {
    expect(due("2026-01-13T09:55:00Z")).toEqual({
      text: "Overdue 5 min",
      description: "First response overdue by 5 min",
      tone: "overdue",
    });
    expect(due("2026-01-13T10:00:00Z").text).toBe("Overdue 1 min");
    expect(due("2026-01-13T06:30:00Z").text).toBe("Overdue 3 h");
  });
});

describe("ZSlaPolicyInput", () => {
  it("takes whole minutes or none, and says why it refuses", () => {
    const ok = {
      firstResponseMinutes: 30,
      nextResponseMinutes: null,
      resolutionMinutes: 1440,
      businessHoursOnly: true,
    };
    expect(ZSlaPolicyInput.parse(ok)).toEqual(ok);
    const bad = ZSlaPolicyInput.safeParse({ ...ok, firstResponseMinutes: 0, resolutionMinutes: 1.5 });
    expect(bad.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "firstResponseMinutes: must be at least 1 minute",
      "resolutionMinutes: must be a whole number of minutes",
    ]);
  });
});
