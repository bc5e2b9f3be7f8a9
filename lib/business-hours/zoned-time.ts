// Wall-clock time in an IANA time zone, through Intl only (no date library): the calendar day an
// instant falls on there, and the instant a wall-clock time of a day is, across DST changes.
// The one place that reads a zone's clock: business seconds (reports), business minutes (SLA
// due times) and the reports' days and hours all go through it.

export interface TLocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock at `at` in the zone, as if it were UTC (milliseconds). */
export function wallClockMs(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (((at % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at `at`, in milliseconds (+02:00 → 7,200,000). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  return wallClockMs(at, timeZone) - at;
}

/** The calendar day `at` falls on in the zone. */
export function localDateOf(at: number, timeZone: string): TLocalDate {
  const wall = new Date(wallClockMs(at, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The next calendar day. */
export function nextDay({ year, month, day }: TLocalDate): TLocalDate {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** "2026-03-29" → its calendar day (the string is trusted: ZIsoDate checked it). */
export function parseIsoDate(date: string): TLocalDate {
  const [year = "1970", month = "1", day = "1"] = date.split("-");
  return { year: Number(year), month: Number(month), day: Number(day) };
}

/** "2026-03-29" */
export function isoDate({ year, month, day }: TLocalDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex({ year, month, day }: TLocalDate): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/**
 * The instant a wall-clock time (minutes since the day's midnight, 1440 = the next midnight)
 * is in the zone. A time the clocks skip (spring forward) lands just after the gap; a time
 * they repeat (fall back) is its first occurrence.
 */
export function zonedInstant(date: TLocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  if (first === second) return first;
  // The offset changes between the guesses: take the earlier reading that shows this wall time,
  // or (in a gap, where none does) the later one, which is past the gap.
  const candidates = [Math.min(first, second), Math.max(first, second)];
  return candidates.find((at) => wallClockMs(at, timeZone) === wall) ?? Math.max(first, second);
}
