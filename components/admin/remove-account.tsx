"use client";

import { useState } from "react";
import type { TAccountView } from "@/lib/accounts/schemas";
import { useDeleteAccount } from "@/lib/queries/admin";
import { ErrorAlert } from "./error-alert";
import { dangerButton, secondaryButton } from "./styles";

/** Removing an account deletes its conversations too, so it asks first, in place. */
export function RemoveAccount({ account }: { account: TAccountView }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteAccount();

  if (!confirming) {
    return (
      <button type="button" className={dangerButton} onClick={() => setConfirming(true)}>
        Remove
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label={`Remove ${account.displayName}`}
      className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-sm"
    >
      <span className="text-red-900">Remove {account.displayName} and all its conversations?</span>
      <button
        type="button"
        className={dangerButton}
        disabled={remove.isPending}
        onClick={() => remove.mutate(account.id)}
      >
        {remove.isPending ? "Removing…" : "Yes, remove"}
      </button>
      <button type="button" className={secondaryButton} autoFocus onClick={() => setConfirming(false)}>
        Cancel
      </button>
      <ErrorAlert error={remove.error} className="w-full" />
    </div>
  );
}
