import { WEEKDAYS, clockMinutes, type TBusinessHours } from "./schemas";
import { isoDate, localDateOf, nextDay, weekdayIndex, zonedInstant } from "./zoned-time";

// How much of a span of time falls inside an account's business hours (issue 19: every time
// measure has a business-hours variant). Pure, and right across daylight saving time: each day's
// opening hours are wall-clock times in the account's zone, turned into instants with the zone's
// offset at that moment (Intl knows the zone's rules; no date library needed for this one sum).

/** Whole seconds from `from` to `to`, never negative: what every measure stores. */
export function elapsedSeconds(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}

/**
 * Seconds between two instants that fall inside the account's business hours, in its time
 * zone; holidays (dates in that zone) count as closed all day. No business hours (null):
 * around the clock, the plain seconds between them.
 */
export function businessSeconds(
  from: Date,
  to: Date,
  { timeZone, businessHours }: { timeZone: string; businessHours: TBusinessHours | null },
): number {
  if (!businessHours) return elapsedSeconds(from, to);
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  const holidays = new Set(businessHours.holidays);
  const lastDay = isoDate(localDateOf(end, timeZone));
  let openMs = 0;
  for (let day = localDateOf(start, timeZone); isoDate(day) <= lastDay; day = nextDay(day)) {
    if (holidays.has(isoDate(day))) continue;
    const weekday = WEEKDAYS[weekdayIndex(day)] ?? "mon";
    for (const interval of businessHours.weekly[weekday]) {
      const opens = zonedInstant(day, clockMinutes(interval.from), timeZone);
      const closes = zonedInstant(day, clockMinutes(interval.to), timeZone);
      openMs += Math.max(0, Math.min(closes, end) - Math.max(opens, start));
    }
  }
  return Math.floor(openMs / 1000);
}
