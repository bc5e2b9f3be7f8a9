"use client";

import { useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { ConfirmInPlace } from "@/components/ui/confirm-in-place";
import { dangerButton, secondaryButton } from "@/components/ui/styles";
import { useDeleteSavedReply } from "@/lib/queries/saved-replies";
import { canEditSavedReply } from "@/lib/saved-replies/permissions";
import { savedReplyKindLabel, type TSavedReplyView } from "@/lib/saved-replies/schemas";

/** One saved reply: what it is, who wrote it, and (for its author or an admin) edit and delete. */
export function SavedReplyRow({
  reply,
  onEdit,
  onDeleted,
}: {
  reply: TSavedReplyView;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const user = useSessionUser();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteSavedReply();
  const editable = canEditSavedReply(user, reply);

  return (
    <li aria-label={reply.title} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium break-words">{reply.title}</p>
        <p className="text-sm text-neutral-600">
          <span className="font-mono">/{reply.code}</span> · {savedReplyKindLabel(reply)} · by{" "}
          {reply.authorName ?? "a former agent"}
        </p>
      </div>
      {editable && !confirming && (
        <div className="flex gap-2">
          <button type="button" className={secondaryButton} onClick={onEdit}>
            Edit<span className="sr-only"> {reply.title}</span>
          </button>
          <button type="button" className={dangerButton} onClick={() => setConfirming(true)}>
            Delete<span className="sr-only"> {reply.title}</span>
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmInPlace
          name={`Delete ${reply.title}`}
          question={`Delete “${reply.title}” for the whole team?`}
          confirm="Yes, delete"
          busy="Deleting…"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(reply.id, { onSuccess: onDeleted })}
          onCancel={() => setConfirming(false)}
          className="w-full"
        />
      )}
    </li>
  );
}
