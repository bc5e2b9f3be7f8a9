"use client";

import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import type { TErrorAt } from "./check-draft";
import { TextField } from "./text-field";

/** Plain text in the rich composer (a saved reply that is just text): one field with its limit. */
export function TextEditor({
  value,
  onChange,
  errorAt,
}: {
  value: string;
  onChange: (text: string) => void;
  errorAt: TErrorAt;
}) {
  return (
    <TextField
      label="Text"
      value={value}
      onChange={onChange}
      error={errorAt(["text"])}
      max={L.textMaxChars}
      multiline
    />
  );
}
