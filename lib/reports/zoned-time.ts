import { isoDate, localDateOf, parseIsoDate, wallClockMs, zonedInstant } from "../business-hours/zoned-time";

// Calendar days and hours in an IANA time zone, for the reports' ranges and time buckets, as
// the strings the API and the URL carry. Pure, shared by the server and the browser; the zone's
// clock is read in one place (lib/business-hours/zoned-time.ts).

const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar date ("YYYY-MM-DD") of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return isoDate(localDateOf(instant.getTime(), timeZone));
}

/** The local hour ("YYYY-MM-DDTHH:00") of `instant` in `timeZone`: an hourly bucket's key. */
export function localHour(instant: Date, timeZone: string): string {
  const wall = new Date(wallClockMs(instant.getTime(), timeZone));
  return `${wall.toISOString().slice(0, 10)}T${pad(wall.getUTCHours())}:00`;
}

/** `date` ("YYYY-MM-DD") moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The instant `date`'s day starts in `timeZone` (its local midnight, or the first moment after
 * it when a daylight-saving change skips midnight).
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return new Date(zonedInstant(parseIsoDate(date), 0, timeZone));
}
