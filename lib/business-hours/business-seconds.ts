import { WEEKDAYS, clockMinutes, type TBusinessHours } from "./schemas";

// How much of a span of time falls inside an account's business hours (issue 19: every time
// measure has a business-hours variant). Pure, and right across daylight saving time: each day's
// opening hours are wall-clock times in the account's zone, turned into instants with the zone's
// offset at that moment (Intl knows the zone's rules; no date library needed for this one sum).

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Whole seconds from `from` to `to`, never negative: what every measure stores. */
export function elapsedSeconds(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at an instant, as if it were UTC (milliseconds, whole seconds). */
function wallClockAt(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The zone's offset from UTC at an instant, in milliseconds (Amsterdam in summer: +2 h). */
function offsetAt(instantMs: number, timeZone: string): number {
  const second = Math.floor(instantMs / 1000) * 1000;
  return wallClockAt(second, timeZone) - second;
}

/**
 * The instant a wall-clock time (given as if UTC) happens in the zone. A time skipped when
 * clocks go forward maps to the instant as far past the gap as it was into it; a time that happens twice when clocks go
 * back maps to its first occurrence.
 */
function instantOfWallClock(wallMs: number, timeZone: string): number {
  const before = offsetAt(wallMs - DAY_MS / 2, timeZone);
  const after = offsetAt(wallMs + DAY_MS / 2, timeZone);
  const early = wallMs - before;
  if (before === after || offsetAt(early, timeZone) === before) return early;
  const late = wallMs - after;
  return offsetAt(late, timeZone) === after ? late : early;
}

/** The calendar day (as UTC midnight) an instant falls on in the zone. */
function zonedDay(instantMs: number, timeZone: string): number {
  const wall = wallClockAt(instantMs, timeZone);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
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
  let openMs = 0;
  for (let day = zonedDay(start, timeZone); day <= zonedDay(end, timeZone); day += DAY_MS) {
    const date = new Date(day);
    if (holidays.has(date.toISOString().slice(0, 10))) continue;
    // getUTCDay: Sunday 0; WEEKDAYS starts on Monday.
    const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7] ?? "mon";
    for (const interval of businessHours.weekly[weekday]) {
      const opens = instantOfWallClock(day + clockMinutes(interval.from) * MINUTE_MS, timeZone);
      const closes = instantOfWallClock(day + clockMinutes(interval.to) * MINUTE_MS, timeZone);
      openMs += Math.max(0, Math.min(closes, end) - Math.max(opens, start));
    }
  }
  return Math.floor(openMs / 1000);
}
