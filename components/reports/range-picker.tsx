"use client";

import { useState, type FormEvent } from "react";
import { compactInputClass, secondaryButton } from "@/components/ui/styles";
import type { TReportRange } from "@/lib/reports/schemas";
import type { TViewPatch } from "./use-report-view";

/** The chosen preset: dark, as a toggled button reads. */
const PRESSED =
  "rounded-md border border-neutral-900 bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-neutral-800";

const PRESETS: { value: TReportRange; label: string }[] = [
  { value: "today", label: "Today" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "custom", label: "Custom" },
];

/** The range presets, and a custom range's days (applied together, so the URL never holds half a range). */
export function RangePicker({
  range,
  from,
  to,
  onChange,
}: {
  range: TReportRange;
  from: string | undefined;
  to: string | undefined;
  onChange: (patch: TViewPatch) => void;
}) {
  const [custom, setCustom] = useState(range === "custom");
  const today = new Date().toISOString().slice(0, 10);
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onChange({ range: "custom", from: String(data.get("from")), to: String(data.get("to")) });
  }
  return (
    <div className="space-y-2">
      <div role="group" aria-label="Range" className="flex flex-wrap gap-1">
        {PRESETS.map((preset) => {
          const pressed = preset.value === "custom" ? custom || range === "custom" : range === preset.value && !custom;
          return (
            <button
              key={preset.value}
              type="button"
              aria-pressed={pressed}
              onClick={() => {
                setCustom(preset.value === "custom");
                if (preset.value !== "custom") onChange({ range: preset.value, from: undefined, to: undefined });
              }}
              className={pressed ? PRESSED : secondaryButton}
            >
              {preset.label}
            </button>
          );
        })}
      </div>
      {(custom || range === "custom") && (
        <form onSubmit={apply} className="flex flex-wrap items-end gap-2" aria-label="Custom range">
          <label className="text-sm">
            From
            <input
              name="from"
              type="date"
              required
              defaultValue={from ?? today}
              max={today}
              className={compactInputClass}
            />
          </label>
          <label className="text-sm">
            To
            <input name="to" type="date" required defaultValue={to ?? today} className={compactInputClass} />
          </label>
          <button type="submit" className={secondaryButton}>
            Apply
          </button>
        </form>
      )}
    </div>
  );
}
