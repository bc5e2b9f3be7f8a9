"use client";

import { useState } from "react";
import type { TAccountView } from "@/lib/accounts/schemas";
import { useDeleteAccount } from "@/lib/queries/admin";
import { ConfirmInPlace } from "@/components/ui/confirm-in-place";
import { dangerButton } from "@/components/ui/styles";

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
    <ConfirmInPlace
      name={`Remove ${account.displayName}`}
      question={`Remove ${account.displayName} and all its conversations?`}
      confirm="Yes, remove"
      busy="Removing…"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(account.id)}
      onCancel={() => setConfirming(false)}
    />
  );
}
