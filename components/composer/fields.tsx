"use client";

import { useId, useState, type ReactNode } from "react";
import { charCount } from "@/lib/cm/limits";
import { describeIssue } from "./check-draft";

// Small form pieces the rich composer's editors share: each ties its hint, counter and
// validation message to its control, so a screen reader reads them with the field.

export const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-400 disabled:bg-neutral-100";
export const smallButton =
  "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-xs font-medium text-neutral-800 hover:bg-neutral-50 disabled:opacity-50";

/** Joins the ids of whatever describes a control, skipping the ones not shown. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

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
    className: inputClass,
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

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  className,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hint?: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const picked = options.find((o) => o.value === event.target.value);
          if (picked) onChange(picked.value);
        }}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        className={inputClass}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-neutral-500">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A message about a whole group (a list, a card), tied to it by id; nothing when all is well. */
export function GroupError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p id={id} className="text-xs text-red-700">
      {message}
    </p>
  );
}

/** An "add" button that says why it is disabled, rather than just greying out. */
export function AddButton({
  children,
  onClick,
  limitReached,
  limitReason,
}: {
  children: string;
  onClick: () => void;
  limitReached: boolean;
  limitReason: string;
}) {
  const reasonId = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={onClick}
        disabled={limitReached}
        aria-describedby={limitReached ? reasonId : undefined}
        className={smallButton}
      >
        {children}
      </button>
      {limitReached && (
        <span id={reasonId} className="text-xs text-neutral-500">
          {limitReason}
        </span>
      )}
    </div>
  );
}
