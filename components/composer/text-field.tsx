"use client";

import { useId, useState, type ReactNode } from "react";
import { describedBy } from "@/components/ui/described-by";
import { compactInputClass } from "@/components/ui/styles";
import { charCount } from "@/lib/cm/limits";
import { describeIssue } from "./check-draft";

// The rich composer's text input: its hint, counter and validation message are tied to it, so a
// screen reader reads them with the field.

type TTextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The schema's message for this field, if any; shown once the field is touched or filled. */
  error?: string | undefined;
  hint?: ReactNode;
  /** Instagram's limit: shows an "n/max" counter that turns red past it. */
  max?: number;
  optional?: boolean;
  multiline?: boolean;
  type?: "text" | "url";
  placeholder?: string;
  className?: string;
};

export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  max,
  optional,
  multiline,
  type = "text",
  placeholder,
  className,
}: TTextFieldProps) {
  const id = useId();
  // A blank required field is not an error until the agent has been there: the summary under
  // the editor already lists what is missing, so an untouched form does not start out red.
  const [touched, setTouched] = useState(false);
  const count = charCount(value);
  const over = max !== undefined && count > max;
  const shownError = error !== undefined && (touched || value !== "") ? describeIssue(label, error) : undefined;
  const ids = { hint: `${id}-hint`, count: `${id}-count`, error: `${id}-error` };
  const control = {
    id,
    value,
    placeholder,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    onBlur: () => setTouched(true),
    "aria-invalid": shownError !== undefined || over || undefined,
    "aria-describedby": describedBy(
      hint !== undefined && ids.hint,
      max !== undefined && ids.count,
      shownError && ids.error,
    ),
    className: compactInputClass,
  };
  return (
    <div className={className}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
          {optional && <span className="font-normal text-neutral-500"> (optional)</span>}
        </label>
        {max !== undefined && (
          <span id={ids.count} className={`text-xs ${over ? "font-semibold text-red-700" : "text-neutral-500"}`}>
            {count}/{max}
          </span>
        )}
      </div>
      {multiline ? <textarea rows={2} {...control} /> : <input type={type} {...control} />}
      {hint !== undefined && (
        <p id={ids.hint} className="mt-1 text-xs text-neutral-500">
          {hint}
        </p>
      )}
      {shownError && (
        <p id={ids.error} className="mt-1 text-xs text-red-700">
          {shownError}
        </p>
      )}
    </div>
  );
}
