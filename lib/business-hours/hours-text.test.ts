import { describe, expect, it } from "vitest";
import { hoursToText, textToHours } from "./hours-text";
import { DEFAULT_BUSINESS_HOURS, ZBusinessHours } from "./schemas";

describe("business hours as the form types them", () => {
  it("round-trips the stored shape", () => {
    const text = hoursToText(DEFAULT_BUSINESS_HOURS);
    expect(text.mon).toBe("09:00-17:00");
    expect(text.sat).toBe("");
    expect(textToHours(text)).toEqual(DEFAULT_BUSINESS_HOURS);
  });

  it("reads split shifts and holidays, and leaves the schema to name a mistake", () => {
    const text = { ...hoursToText(null), tue: "09:00 - 12:00, 13:00–17:30", holidays: "2026-12-25, 2026-12-26" };
    const hours = textToHours(text);
    expect(hours.weekly.tue).toEqual([
      { from: "09:00", to: "12:00" },
      { from: "13:00", to: "17:30" },
    ]);
    expect(hours.holidays).toEqual(["2026-12-25", "2026-12-26"]);
    expect(ZBusinessHours.safeParse(hours).success).toBe(true);
    const wrong = ZBusinessHours.safeParse(textToHours({ ...text, wed: "9-5" }));
    expect(wrong.success).toBe(false);
  });
});
