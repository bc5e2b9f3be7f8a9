import { z } from "zod";

// An Instagram account's business hours (issue 19), as stored in InstagramAccount.businessHours
// and as Admin → Accounts sends them: per weekday, the hours the team answers, in the account's
// time zone (InstagramAccount.timeZone), and the holidays it does not. No business hours (null):
// around the clock. Reports measure every time both ways; SLA clocks may run in business hours only.

/** Monday first, as people read a week; the keys are also the JSON's. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

/** "09:00" … "23:59", and "24:00" as the end of a day. */
const ZClock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be a time of day as HH:MM, from 00:00 to 24:00");

/** Minutes since midnight of a clock time ("24:00" → 1440). */
export function clockMinutes(clock: string): number {
  const [hours = "0", minutes = "0"] = clock.split(":");
  return Number(hours) * 60 + Number(minutes);
}

export const ZOpenInterval = z
  .object({ from: ZClock, to: ZClock })
  .refine((i) => clockMinutes(i.from) < clockMinutes(i.to), { error: "must end after it starts" });
export type TOpenInterval = z.infer<typeof ZOpenInterval>;

/** A day's intervals, in order and apart (a split shift is two). */
const ZDayHours = z
  .array(ZOpenInterval)
  .max(4, "at most 4 intervals a day")
  .refine((day) => day.every((i, n) => n === 0 || clockMinutes(day[n - 1]?.to ?? "00:00") <= clockMinutes(i.from)), {
    error: "intervals must be in order and must not overlap",
  });

/** A calendar date in the account's time zone. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      error: "must be a real date",
    },
  );

export const ZBusinessHours = z.object({
  weekly: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, ZDayHours])) as Record<TWeekday, typeof ZDayHours>),
  /** Whole days closed, whatever the weekday says. */
  holidays: z.array(ZIsoDate).max(400, "at most 400 holidays"),
});
export type TBusinessHours = z.infer<typeof ZBusinessHours>;

/** An IANA time zone this runtime knows ("Europe/Amsterdam", "UTC"). */
export const ZTimeZone = z
  .string()
  .trim()
  .min(1, "is required")
  .refine(isTimeZone, { error: "must be an IANA time zone, e.g. Europe/Amsterdam" });

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Monday to Friday, 9 to 5: what the settings form offers first. */
export const DEFAULT_BUSINESS_HOURS: TBusinessHours = {
  weekly: {
    mon: [{ from: "09:00", to: "17:00" }],
    tue: [{ from: "09:00", to: "17:00" }],
    wed: [{ from: "09:00", to: "17:00" }],
    thu: [{ from: "09:00", to: "17:00" }],
    fri: [{ from: "09:00", to: "17:00" }],
    sat: [],
    sun: [],
  },
  holidays: [],
};

/** The hours an account stores, or none: hours that no longer parse (never written so, the
 * settings form validates them) count as none, that is around the clock. */
export function storedBusinessHours(json: unknown): TBusinessHours | null {
  return ZBusinessHours.safeParse(json).data ?? null;
}

/** What an account's times are measured by: its zone (UTC when unreadable) and its hours. */
export interface TAccountClock {
  timeZone: string;
  businessHours: TBusinessHours | null;
}

/** An account row's clock, as reports and SLA clocks read it. */
export function accountClock(row: { timeZone: string; businessHours: unknown }): TAccountClock {
  return {
    timeZone: isTimeZone(row.timeZone) ? row.timeZone : "UTC",
    businessHours: storedBusinessHours(row.businessHours),
  };
}
