import { WEEKDAYS, type TBusinessHours, type TWeekday } from "./schemas";

// Business hours as the settings form types them: per weekday "09:00-12:00, 13:00-17:00"
// (empty: closed), holidays as "2026-12-25, 2026-12-26". The form turns them into the stored
// shape and lets ZBusinessHours (lib/business-hours/schemas.ts) say what is wrong.

export type TBusinessHoursText = Record<TWeekday, string> & { holidays: string };

export function hoursToText(hours: TBusinessHours | null): TBusinessHoursText {
  const days = Object.fromEntries(
    WEEKDAYS.map((d) => [d, (hours?.weekly[d] ?? []).map((i) => `${i.from}-${i.to}`).join(", ")]),
  ) as Record<TWeekday, string>;
  return { ...days, holidays: (hours?.holidays ?? []).join(", ") };
}

const parts = (text: string) =>
  text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);

/** The stored shape, unchecked: "9:00" stays as typed, so the schema names the problem. */
export function textToHours(text: TBusinessHoursText): TBusinessHours {
  const weekly = Object.fromEntries(
    WEEKDAYS.map((d) => [
      d,
      parts(text[d]).map((interval) => {
        const [from = "", to = ""] = interval.split(/\s*[-–]\s*/);
        return { from, to };
      }),
    ]),
  ) as TBusinessHours["weekly"];
  return { weekly, holidays: parts(text.holidays) };
}
