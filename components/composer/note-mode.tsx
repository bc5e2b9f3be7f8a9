"use client";

import { NOTE_MAX_CHARS, NOTE_TOO_LONG, ZAddNote } from "@/lib/notes/schemas";

/**
 * The text composer's note mode: what it writes is a private note for the team (never sent to
 * the customer), so the reply window and the handover do not apply. Its state lives in the
 * conversation view (`noteMode`), so a keyboard shortcut can switch it too.
 */
export interface TNoteMode {
  /** Whose agents a note may @mention (the composer lists them as the name is typed). */
  conversationId: string;
  active: boolean;
  onToggle: () => void;
  onAdd: (text: string) => void;
}

/** How the composer looks and checks in note mode. */
export const NOTE_COMPOSER = {
  label: "Private note",
  placeholder: "Write a note for your team… only agents see it (@name mentions an agent)",
  submitLabel: "Add note",
  maxChars: NOTE_MAX_CHARS,
  form: "bg-yellow-50",
  textarea: "border-yellow-400 bg-yellow-50 focus:outline-yellow-500",
  submit: "bg-yellow-300 text-neutral-900 hover:bg-yellow-400",
  tooLong: NOTE_TOO_LONG,
} as const;

/** The problem with this note, or null when it can be added. */
export function checkNote(text: string): string | null {
  const checked = ZAddNote.safeParse({ text });
  return checked.success ? null : (checked.error.issues[0]?.message ?? "This note cannot be added.");
}

/** Switches the composer between replying to the customer and writing a note for the team. */
export function NoteToggle({ note }: { note: TNoteMode }) {
  return (
    <button
      type="button"
      aria-pressed={note.active}
      aria-keyshortcuts="n"
      onClick={note.onToggle}
      title={note.active ? "Back to replying to the customer" : "Write a private note: only agents see it"}
      className={`rounded px-1.5 font-medium ${
        note.active ? "bg-yellow-200 text-neutral-900 ring-1 ring-yellow-500" : "text-yellow-900 hover:underline"
      }`}
    >
      Note
    </button>
  );
}
