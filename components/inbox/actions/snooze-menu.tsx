"use client";

import { useState } from "react";
import { useDismiss } from "@/components/hooks/use-dismiss";
import { snoozeOptions } from "@/lib/conversations/snooze-times";
import { actionButton, menuClass, TIME_FORMAT } from "./styles";

/** The usual snooze times from now, or a custom one (in the future). */
export function SnoozeMenu({ onPick, onClose }: { onPick: (until: Date) => void; onClose: () => void }) {
  const ref = useDismiss(onClose);
  const [now] = useState(() => new Date());
  const [custom, setCustom] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  return (
    <div ref={ref} className={menuClass} role="group" aria-label="Snooze until">
      <ul>
        {snoozeOptions(now).map((option) => (
          <li key={option.label}>
            <button
              type="button"
              onClick={() => onPick(option.until)}
              className="flex w-full justify-between rounded px-2 py-1.5 text-left hover:bg-neutral-100"
            >
              <span>{option.label}</span>
              <span className="text-xs text-neutral-500">{option.until.toLocaleString(undefined, TIME_FORMAT)}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="mt-1 flex flex-col gap-1 border-t border-neutral-100 px-2 pt-2 pb-1"
        onSubmit={(e) => {
          e.preventDefault();
          const until = new Date(custom);
          if (!custom || Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) {
            setInvalid("Pick a time in the future.");
            return;
          }
          onPick(until);
        }}
      >
        <label className="text-xs text-neutral-600">
          Custom time
          <input
            type="datetime-local"
            value={custom}
            onChange={(e) => {
              setCustom(e.target.value);
              setInvalid(null);
            }}
            className="mt-0.5 w-full rounded border border-neutral-300 px-1.5 py-1 text-sm"
          />
        </label>
        {invalid && (
          <p role="alert" className="text-xs text-red-800">
            {invalid}
          </p>
        )}
        <button type="submit" className={actionButton}>
          Snooze until then
        </button>
      </form>
    </div>
  );
}
