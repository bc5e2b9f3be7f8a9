"use client";

import type { TMessageView } from "@/lib/messages/schemas";

const LABELS = {
  QUEUED: "Queued",
  SENDING: "Sending…",
  ACCEPTED: "Sent",
  DELIVERED: "Delivered",
  RECEIVED: "",
  FAILED: "Not sent",
  CANCELLED: "Cancelled",
} as const;

/** Where our message is: sending, accepted by CM, delivered to Instagram, or failed (with why). */
export function DeliveryState({ message, onRetry }: { message: TMessageView; onRetry: () => void }) {
  if (message.status !== "FAILED") {
    return (
      <span role="status" aria-label={`Delivery: ${LABELS[message.status]}`}>
        {LABELS[message.status]}
        {message.status === "DELIVERED" && " ✓✓"}
      </span>
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
    </span>
  );
}
