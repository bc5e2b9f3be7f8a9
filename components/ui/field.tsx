import { useId, type InputHTMLAttributes } from "react";
import { inputClass } from "./styles";
import { describeFieldError } from "./validate-form";

type TFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> & {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
  className?: string;
};

/** A labelled input whose hint and validation message are tied to it for screen readers. */
export function Field({ label, error, hint, optional, className, ...input }: TFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {optional && <span className="font-normal text-neutral-500"> (optional)</span>}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={inputClass}
        {...input}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-neutral-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {describeFieldError(label, error)}
        </p>
      )}
    </div>
  );
}
