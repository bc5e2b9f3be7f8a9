import { WEEKDAYS, clockMinutes, type TBusinessHours } from "../business-hours/schemas";
import { isoDate, localDateOf, nextDay, weekdayIndex, zonedInstant } from "../business-hours/zoned-time";

/** How far ahead a clock looks for business hours before it gives up (a year and a bit). */
const MAX_DAYS = 400;

/**
 * The instant `minutes` business minutes after `from`, counting only the account's opening
 * hours in its time zone (weekly intervals, no holidays), across weekends and DST changes.
 * Started outside the hours, the clock waits for the next opening. Null when no opening comes
 * within a year (no hours at all): such a target is never due.
 */
export function addBusinessMinutes(from: Date, minutes: number, hours: TBusinessHours, timeZone: string): Date | null {
  let remaining = Math.max(0, minutes) * 60_000;
  const start = from.getTime();
  const holidays = new Set(hours.holidays);
  let day = localDateOf(start, timeZone);
  for (let n = 0; n < MAX_DAYS; n++, day = nextDay(day)) {
    if (holidays.has(isoDate(day))) continue;
    const weekday = WEEKDAYS[weekdayIndex(day)];
    for (const interval of weekday ? hours.weekly[weekday] : []) {
      const open = Math.max(start, zonedInstant(day, clockMinutes(interval.from), timeZone));
      const close = zonedInstant(day, clockMinutes(interval.to), timeZone);
      if (close <= open) continue;
      if (remaining <= close - open) {
        // A zero-minute target started outside the hours is due when they open.
        return new Date(open + remaining);
      }
      remaining -= close - open;
    }
  }
  return null;
}
