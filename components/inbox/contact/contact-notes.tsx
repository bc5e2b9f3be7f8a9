"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { CONTACT_NOTES_MAX, type TContactDetails } from "@/lib/contacts/schemas";
import { ApiError } from "@/lib/http/fetch-json";
import { contactKeys, saveContactNotes } from "@/lib/queries/contact";

const button =
  "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-50 disabled:opacity-50";

/**
 * The customer notes, editable by every agent who sees the conversation. While an agent
 * writes, the notes shown are theirs (`draft`); the version they started from (`base`) goes
 * with Save. If someone saved other notes meanwhile (a live event refetched them, or the
 * server answers 409), their version is shown and the agent chooses: keep theirs, or save
 * mine over it. Nothing is overwritten silently.
 */
export function ContactNotes({ conversationId, contact }: { conversationId: string; contact: TContactDetails }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [base, setBase] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (input: { notes: string; notesUpdatedAt: string | null }) => saveContactNotes(conversationId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(contactKeys.ofConversation(conversationId), saved);
      setDraft(null);
      setBase(null);
    },
    // A 409 means the stored notes moved on: fetch them, so the agent sees what they would replace.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: contactKeys.ofConversation(conversationId) });
      }
    },
  });

  /** Back to the stored notes, the draft dropped (Discard; Keep theirs). */
  const drop = () => {
    save.reset();
    setDraft(null);
    setBase(null);
  };
  const editing = draft !== null;
  const value = draft ?? contact.notes;
  const changedMeanwhile = editing && base !== contact.notesUpdatedAt;
  const tooLong = value.length > CONTACT_NOTES_MAX;
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!editing || tooLong) return;
        save.mutate({ notes: value, notesUpdatedAt: base });
      }}
    >
      <label htmlFor={id} className="block font-medium">
        Customer notes
      </label>
      <textarea
        id={id}
        value={value}
        rows={6}
        aria-describedby={`${id}-meta`}
        aria-invalid={tooLong || undefined}
        onChange={(e) => {
          if (!editing) setBase(contact.notesUpdatedAt);
          setDraft(e.target.value);
        }}
        className="block w-full rounded-md border border-neutral-300 px-2 py-1.5 text-sm"
      />
      <p id={`${id}-meta`} className="text-xs text-neutral-600">
        {contact.notesUpdatedAt
          ? `Last edited by ${contact.notesUpdatedBy?.name ?? "a former agent"}, ${new Date(
              contact.notesUpdatedAt,
            ).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}.`
          : "Only agents see these notes."}{" "}
        <span className={tooLong ? "font-medium text-red-800" : ""}>
          {value.length}/{CONTACT_NOTES_MAX}
        </span>
      </p>
      {changedMeanwhile && (
        <div
          role="alert"
          className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950"
        >
          <p>{contact.notesUpdatedBy?.name ?? "Someone"} saved other notes while you were writing. Theirs now read:</p>
          <p className="whitespace-pre-wrap rounded bg-white p-1.5 text-neutral-900">{contact.notes || "(empty)"}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={button} onClick={drop}>
              Keep theirs
            </button>
            <button
              type="button"
              className={button}
              disabled={save.isPending || tooLong}
              onClick={() => save.mutate({ notes: value, notesUpdatedAt: contact.notesUpdatedAt })}
            >
              Save mine instead
            </button>
          </div>
        </div>
      )}
      {save.error && !(conflict && changedMeanwhile) && (
        <p role="alert" className="text-xs text-red-800">
          The notes could not be saved: {save.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className={button} disabled={!editing || save.isPending || tooLong || changedMeanwhile}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
        {editing && (
          <button type="button" className={button} onClick={drop}>
            Discard
          </button>
        )}
      </div>
    </form>
  );
}
