import { describe, expect, it } from "vitest";
import { snoozeOptions } from "./snooze-times";

describe("snooze presets", () => {
  const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);

  it("offers 1 hour, tonight, tomorrow morning and next Monday morning, in local time", () => {
    // Wednesday 2 December 2026, 10:30.
    const options = snoozeOptions(local(2026, 12, 2, 10, 30));
    expect(options.map((o) => [o.label, o.until.getTime()])).toEqual([
      ["1 hour", local(2026, 12, 2, 11, 30).getTime()],
      ["Tonight", local(2026, 12, 2, 19).getTime()],
      ["Tomorrow", local(2026, 12, 3, 9).getTime()],
      ["Next week", local(2026, 12, 7, 9).getTime()],
    ]);
  });

  it("leaves out tonight in the evening, and on a Monday next week is seven days on", () => {
    const options = snoozeOptions(local(2026, 12, 7, 18, 5));
    expect(options.map((o) => o.label)).toEqual(["1 hour", "Tomorrow", "Next week"]);
    expect(options.at(-1)?.until.getTime()).toBe(local(2026, 12, 14, 9).getTime());
  });
});
