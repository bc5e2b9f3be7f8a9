"use client";

import type { TMessageView } from "@/lib/messages/schemas";
import { useNow } from "@/components/hooks/use-now";

const LABELS = {
  QUEUED: "Queued",
  SENDING: "Sending…",
  ACCEPTED: "Sent",
  DELIVERED: "Delivered",
  RECEIVED: "",
  FAILED: "Not sent",
  CANCELLED: "Cancelled",
} as const;

const DUPLICATE_HINT =
  "CM.com did not confirm an earlier try in time, so the message was sent again. CM has no way to " +
  "recognise a repeat, so the customer may have received it twice.";

/**
 * Where our message is: queued (with the next automatic try), sending, accepted by CM,
 * delivered to Instagram, failed (with why), or cancelled; and whether it may have gone twice.
 */
export function DeliveryState({
  message,
  onRetry,
  onCancel,
}: {
  message: TMessageView;
  onRetry: () => void;
  onCancel: () => void;
}) {
  const duplicate = message.maybeDuplicate && (
    <span title={DUPLICATE_HINT} className="cursor-help text-amber-700 underline decoration-dotted">
      May have been sent twice
    </span>
  );
  if (message.status === "QUEUED") {
    return (
      <>
        <QueuedState message={message} onCancel={onCancel} />
        {duplicate}
      </>
    );
  }
  if (message.status !== "FAILED") {
    return (
      <>
        <span role="status" aria-label={`Delivery: ${LABELS[message.status]}`}>
          {LABELS[message.status]}
          {message.status === "DELIVERED" && " ✓✓"}
        </span>
        {duplicate}
      </>
    );
  }
  return (
    <span role="alert" className="flex items-center gap-2 text-red-700">
      <span>
        {LABELS.FAILED}: {message.statusReason ?? "unknown reason"}
      </span>
      <button type="button" onClick={onRetry} className="font-medium underline">
        Retry
      </button>
      {duplicate}
    </span>
  );
}

/** "Queued · next try in 20 s", counting down, with the reason of the last failed try on hover. */
function QueuedState({ message, onCancel }: { message: TMessageView; onCancel: () => void }) {
  const now = useNow(1_000);
  const waitMs = message.nextAttemptAt ? new Date(message.nextAttemptAt).getTime() - now.getTime() : 0;
  const label = waitMs > 0 ? `${LABELS.QUEUED} · next try in ${formatWait(waitMs)}` : LABELS.QUEUED;
  return (
    <span className="flex items-center gap-2">
      <span role="status" aria-label={`Delivery: ${label}`} title={message.statusReason ?? undefined}>
        {label}
      </span>
      <button type="button" onClick={onCancel} aria-label="Cancel sending" className="font-medium underline">
        Cancel
      </button>
    </span>
  );
}

function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}
