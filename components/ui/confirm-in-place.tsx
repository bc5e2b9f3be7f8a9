"use client";

import type { ReactNode } from "react";
import { ErrorAlert } from "./error-alert";
import { dangerButton, secondaryButton } from "./styles";

/**
 * "Are you sure?" asked in place of the button that removes something: the question, the
 * confirming button (busy while the removal runs), Cancel (focused: Enter does not remove by
 * accident) and the error, if the removal failed.
 */
export function ConfirmInPlace({
  name,
  question,
  confirm,
  busy,
  pending,
  error,
  onConfirm,
  onCancel,
  className = "",
}: {
  /** The group's accessible name, e.g. "Delete VIP". */
  name: string;
  question: ReactNode;
  /** The button's words, e.g. "Yes, delete", and while it runs, e.g. "Deleting…". */
  confirm: string;
  busy: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onCancel: () => void;
  className?: string;
}) {
  return (
    <div
      role="group"
      aria-label={name}
      className={`flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-sm ${className}`}
    >
      <span className="text-red-900">{question}</span>
      <button type="button" className={dangerButton} disabled={pending} onClick={onConfirm}>
        {pending ? busy : confirm}
      </button>
      <button type="button" className={secondaryButton} autoFocus onClick={onCancel}>
        Cancel
      </button>
      <ErrorAlert error={error} className="w-full" />
    </div>
  );
}
