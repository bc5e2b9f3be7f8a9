"use client";

import { useSyncExternalStore } from "react";

/** The browser's answer for this site; "unsupported" where there are no notifications. */
export type TPermission = NotificationPermission | "unsupported";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function current(): TPermission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // The agent may change it in the browser's site settings while the page is open.
  let status: PermissionStatus | null = null;
  void navigator.permissions
    ?.query({ name: "notifications" })
    .then((s) => {
      status = s;
      s.addEventListener("change", notify);
    })
    .catch(() => {});
  return () => {
    listeners.delete(listener);
    status?.removeEventListener("change", notify);
  };
}

/**
 * The notification permission, and a way to ask for it. Browsers ask only after a click, and
 * so do we: never on load.
 */
export function useNotificationPermission(): { permission: TPermission; request: () => Promise<void> } {
  const permission = useSyncExternalStore(subscribe, current, () => "default" as const);
  const request = async () => {
    if (typeof Notification === "undefined") return;
    await Notification.requestPermission();
    notify();
  };
  return { permission, request };
}
