"use client";

import { ModalDialog } from "@/components/ui/modal-dialog";
import { describeCollision } from "@/lib/messages/collision";
import { listNames } from "@/lib/realtime/conversation-presence-state";
import type { TMessageView } from "@/lib/messages/schemas";
import { formatTime } from "@/components/ui/format-time";

/**
 * Asked on Send when someone else answered the customer after this agent started writing:
 * what they sent, then send anyway or not (the draft stays). Escape is "Don't send".
 */
export function CollisionDialog({
  messages,
  onSend,
  onCancel,
}: {
  messages: TMessageView[];
  onSend: () => void;
  onCancel: () => void;
}) {
  const authors = [...new Set(messages.map(authorOf))];
  return (
    <ModalDialog
      role="alertdialog"
      labelledBy="collision-title"
      describedBy="collision-what"
      onCancel={onCancel}
      className="w-[min(28rem,calc(100vw-2rem))]"
    >
      <h3 id="collision-title" className="font-semibold">
        Another agent replied
      </h3>
      <p id="collision-what" className="mt-1 text-sm text-neutral-600">
        {listNames(authors)} sent this to the customer after you started writing. Send yours anyway?
      </p>
      <ul aria-label="What they sent" className="mt-3 flex max-h-60 flex-col gap-2 overflow-y-auto">
        {messages.map((message) => (
          <li key={message.id} className="rounded-md bg-blue-50 px-3 py-2 text-sm text-neutral-900">
            <p className="text-xs text-neutral-600">
              {authorOf(message)} · {formatTime(message.sentAt)}
            </p>
            <p className="break-words whitespace-pre-wrap">{describeCollision(message)}</p>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          autoFocus
          onClick={onCancel}
          className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium text-neutral-800 hover:bg-neutral-50"
        >
          Don&apos;t send
        </button>
        <button
          type="button"
          onClick={onSend}
          className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700"
        >
          Send anyway
        </button>
      </div>
    </ModalDialog>
  );
}

/** Who sent it: an agent, or (no author) someone in the Instagram app. */
function authorOf(message: TMessageView): string {
  return message.authorName ?? "Someone outside this inbox";
}
