"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { primaryButton } from "@/components/ui/styles";
import { savedRepliesQuery } from "@/lib/queries/saved-replies";
import type { TSavedReplyView } from "@/lib/saved-replies/schemas";
import { SavedReplyEditor } from "./saved-reply-editor";
import { SavedReplyRow } from "./saved-reply-row";

type TEditing = { mode: "create" } | { mode: "edit"; reply: TSavedReplyView } | null;

/** The team's saved replies: everyone sees and uses them; their author or an admin changes them. */
export function SavedRepliesManager() {
  const replies = useQuery(savedRepliesQuery);
  const [editing, setEditing] = useState<TEditing>(null);
  const [done, setDone] = useState<string | null>(null);

  function finish(message: string) {
    setEditing(null);
    setDone(message);
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold">Saved replies</h1>
          <p className="mt-1 max-w-2xl text-sm text-neutral-600">
            Answers the whole team reuses. In a conversation, type <kbd className="font-mono">/</kbd> and a reply’s code
            in the reply box, then press Enter: you can still edit it before sending.
          </p>
        </div>
        {editing === null && (
          <button
            type="button"
            className={primaryButton}
            onClick={() => {
              setDone(null);
              setEditing({ mode: "create" });
            }}
          >
            New saved reply
          </button>
        )}
      </div>
      <p role="status" className="text-sm text-emerald-700 empty:hidden">
        {done}
      </p>
      {editing && (
        <SavedReplyEditor
          // A fresh editor per reply: its draft starts from that reply's content.
          key={editing.mode === "edit" ? editing.reply.id : "new"}
          reply={editing.mode === "edit" ? editing.reply : undefined}
          onDone={finish}
          onCancel={() => setEditing(null)}
        />
      )}
      {replies.isPending && <p className="text-sm text-neutral-600">Loading saved replies…</p>}
      {replies.isError && (
        <p role="alert" className="text-sm text-red-800">
          Saved replies could not be loaded: {replies.error.message}
        </p>
      )}
      {replies.data?.length === 0 && (
        <p className="text-sm text-neutral-600">No saved replies yet: create the first one for your team.</p>
      )}
      {replies.data && replies.data.length > 0 && (
        <ul
          aria-label="Saved replies list"
          className="divide-y divide-neutral-200 rounded-md border border-neutral-200"
        >
          {replies.data.map((reply) => (
            <SavedReplyRow
              key={reply.id}
              reply={reply}
              onEdit={() => {
                setDone(null);
                setEditing({ mode: "edit", reply });
              }}
              onDeleted={() => setDone(`Deleted “${reply.title}”.`)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
