"use client";

import { useEffect, useId, useRef, useState } from "react";
import { inputClass, secondaryButton } from "./styles";

const FEEDBACK_MS = 2_000;

/** A read-only value with a Copy button, for URLs an admin pastes elsewhere. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [feedback, setFeedback] = useState("");

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(""), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setFeedback("Copied");
    } catch {
      // No clipboard permission (or no secure context): leave the text selected instead.
      input.current?.select();
      setFeedback("Copy failed: press Ctrl+C (⌘C) to copy the selected text");
    }
  }

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} font-mono text-xs`}
        />
        <button
          type="button"
          aria-label={`Copy ${label}`}
          className={`${secondaryButton} mt-1 shrink-0`}
          onClick={() => void copy()}
        >
          Copy
        </button>
        <span
          role="status"
          className={`mt-1 min-w-14 text-xs ${feedback === "Copied" ? "text-emerald-700" : "text-red-700"}`}
        >
          {feedback}
        </span>
      </div>
    </div>
  );
}
