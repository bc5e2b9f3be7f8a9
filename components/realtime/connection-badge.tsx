"use client";

import { useConnectionState } from "./realtime-provider";

const LABELS = {
  connecting: "Connecting…",
  live: "Live",
  offline: "Offline: reconnecting",
  degraded: "Database unreachable: reconnecting",
} as const;
const DOTS = {
  connecting: "bg-amber-400",
  live: "bg-emerald-500",
  offline: "bg-red-500",
  degraded: "bg-red-500",
} as const;

export function ConnectionBadge() {
  const state = useConnectionState();
  return (
    <span
      role="status"
      aria-label={`Connection: ${LABELS[state]}`}
      className="flex items-center gap-1.5 text-xs text-neutral-600"
    >
      <span aria-hidden className={`size-2 rounded-full ${DOTS[state]}`} />
      {LABELS[state]}
    </span>
  );
}
