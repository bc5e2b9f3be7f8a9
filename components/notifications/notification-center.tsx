"use client";

import Link from "next/link";
import { useLiveNotices } from "./use-live-notices";

/**
 * The page's part of the notifications: @mentions while the tab is in view, as toasts until
 * dismissed (use-live-notices.ts notifies while it is hidden). Mounted once in the app's layout.
 */
export function NotificationCenter() {
  const { toasts, dismiss } = useLiveNotices();
  return (
    <div
      role="status"
      aria-label="Mentions"
      className="fixed top-24 right-4 z-30 md:top-16 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2"
    >
      {toasts.map((toast) => (
        <div key={toast.tag} className="rounded-lg border border-yellow-300 bg-yellow-50 p-3 text-sm shadow-lg">
          <p className="font-semibold text-neutral-900">{toast.title}</p>
          <p className="mt-0.5 line-clamp-3 text-neutral-800">{toast.body}</p>
          <div className="mt-2 flex gap-3">
            <Link
              href={`/c/${encodeURIComponent(toast.conversationId)}`}
              onClick={() => dismiss(toast.tag)}
              className="font-medium text-blue-700 underline"
            >
              Open the conversation
            </Link>
            <button type="button" onClick={() => dismiss(toast.tag)} className="text-neutral-700 hover:underline">
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
