"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TAgentSettings } from "@/lib/notifications/schemas";
import { fetchMySettings, putMySettings, settingsKeys } from "@/lib/queries/settings";
import { useNotificationPermission, type TPermission } from "./use-notification-permission";

const CHOICES: { key: keyof TAgentSettings; label: string }[] = [
  { key: "notifyDesktop", label: "Show a desktop notification" },
  { key: "notifySound", label: "Play a sound" },
  { key: "notifyTitle", label: "Count new messages in the tab's title" },
];

const PERMISSION_TEXT: Record<TPermission, string> = {
  granted: "Desktop notifications are allowed in this browser.",
  default: "This browser has not been asked yet.",
  denied:
    "Desktop notifications are blocked in this browser. Allow them in the site's settings (the icon beside the address), then reload.",
  unsupported: "This browser cannot show desktop notifications.",
};

/**
 * The agent's own notification choices (saved for them, on every device) and this browser's
 * permission, asked only when they click the button.
 */
export function NotificationSettings() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: settingsKeys.mine(), queryFn: fetchMySettings });
  // The boxes the agent just changed, shown at once (in the click's own render: React Query
  // tells of a mutation a tick later, and meanwhile the controlled box would spring back).
  const [changing, setChanging] = useState<Partial<TAgentSettings>>({});
  const save = useMutation({
    mutationFn: putMySettings,
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.mine(), saved),
    onError: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.mine() }),
    onSettled: (_saved, _error, update) =>
      setChanging((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !(key in update)))),
  });
  const { permission, request } = useNotificationPermission();

  return (
    <section
      aria-labelledby="notifications-heading"
      className="space-y-4 rounded-xl border border-neutral-200 bg-white p-6"
    >
      <div>
        <h2 id="notifications-heading" className="font-semibold">
          Notifications
        </h2>
        <p className="text-sm text-neutral-600">
          While the inbox is in a background tab: a customer&apos;s new message in a conversation assigned to you or to
          nobody, and a note that @mentions you.
        </p>
      </div>
      {settings.isError && (
        <p role="alert" className="text-sm text-red-700">
          Your settings could not be loaded: {settings.error.message}
        </p>
      )}
      <fieldset className="space-y-2" disabled={!settings.data}>
        <legend className="sr-only">Notify me by</legend>
        {CHOICES.map(({ key, label }) => (
          <label key={key} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={changing[key] ?? settings.data?.[key] ?? false}
              onChange={(event) => {
                const update = { [key]: event.target.checked };
                setChanging((current) => ({ ...current, ...update }));
                save.mutate(update);
              }}
              className="h-4 w-4"
            />
            {label}
          </label>
        ))}
      </fieldset>
      {save.isError && (
        <p role="alert" className="text-sm text-red-700">
          Not saved: {save.error.message}
        </p>
      )}
      <div className="space-y-2 border-t border-neutral-200 pt-4">
        <p role="status" aria-label="Browser permission" className="text-sm text-neutral-700">
          {PERMISSION_TEXT[permission]}
        </p>
        {permission === "default" && (
          <button
            type="button"
            onClick={() => void request()}
            className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white"
          >
            Turn on desktop notifications
          </button>
        )}
      </div>
    </section>
  );
}
