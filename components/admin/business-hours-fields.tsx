"use client";

import { WEEKDAYS, type TWeekday } from "@/lib/business-hours/schemas";
import type { TBusinessHoursText } from "@/lib/business-hours/hours-text";
import { compactInputClass } from "@/components/ui/styles";

const DAY_NAMES: Record<TWeekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Per weekday the hours the team answers ("09:00-17:00", empty: closed), and the holidays. */
export function BusinessHoursFields({
  value,
  onChange,
  disabled,
}: {
  value: TBusinessHoursText;
  onChange: (next: TBusinessHoursText) => void;
  disabled: boolean;
}) {
  const set = (key: keyof TBusinessHoursText, text: string) => onChange({ ...value, [key]: text });
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {WEEKDAYS.map((day) => (
        <label key={day} className="flex flex-col text-xs text-neutral-600">
          {DAY_NAMES[day]}
          <input
            className={compactInputClass}
            value={value[day]}
            disabled={disabled}
            placeholder="Closed"
            onChange={(e) => set(day, e.target.value)}
          />
        </label>
      ))}
      <label className="flex flex-col text-xs text-neutral-600 sm:col-span-2">
        Holidays (dates, comma separated)
        <input
          className={compactInputClass}
          value={value.holidays}
          disabled={disabled}
          placeholder="2026-12-25, 2026-12-26"
          onChange={(e) => set("holidays", e.target.value)}
        />
      </label>
    </div>
  );
}
