"use client";

import { useState } from "react";
import { useRotateWebhookSecret } from "@/lib/queries/admin";
import { ErrorAlert } from "@/components/ui/error-alert";
import { dangerButton, secondaryButton } from "@/components/ui/styles";

/**
 * The secret is part of the three webhook URLs, so rotating it makes CM's current URLs fail
 * at once: the admin confirms knowing that CM's Channels app must be updated.
 */
export function RotateWebhookSecret({ accountId }: { accountId: string }) {
  const [confirming, setConfirming] = useState(false);
  const rotate = useRotateWebhookSecret();

  return (
    <div className="min-w-0 flex-1 space-y-2">
      {confirming ? (
        <div role="group" aria-label="Rotate webhook secret" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm">
          <p className="text-amber-900">
            The webhook URLs above change at once. Until you paste the new ones into CM.com&apos;s Channels app,
            incoming messages, events and status reports for this account are refused.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className={dangerButton}
              disabled={rotate.isPending}
              onClick={() => rotate.mutate(accountId, { onSuccess: () => setConfirming(false) })}
            >
              {rotate.isPending ? "Rotating…" : "Yes, rotate"}
            </button>
            <button type="button" className={secondaryButton} autoFocus onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={secondaryButton} onClick={() => setConfirming(true)}>
          Rotate webhook secret
        </button>
      )}
      <p role="status" className="text-sm text-amber-900">
        {rotate.isSuccess && !confirming ? "New webhook URLs made: update all three in CM.com's Channels app now." : ""}
      </p>
      <ErrorAlert error={rotate.error} />
    </div>
  );
}
