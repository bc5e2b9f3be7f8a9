"use client";

import type { TAccountView } from "@/lib/accounts/schemas";
import { useUpdateAccount } from "@/lib/queries/admin";
import { ErrorAlert } from "@/components/ui/error-alert";

/**
 * Instagram's HUMAN_AGENT message tag for one account: off by default, because using it needs
 * CM's and Meta's approval (Meta's Human Agent feature); on, a person's replies 24 hours to 7
 * days after the customer's last message go out tagged.
 */
export function HumanAgentTagSetting({ account }: { account: TAccountView }) {
  const save = useUpdateAccount();
  return (
    <fieldset className="space-y-1 border-t border-neutral-100 pt-4 text-sm">
      <legend className="font-medium">Human agent tag</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={account.humanAgentTag}
          disabled={save.isPending}
          onChange={(e) => save.mutate({ id: account.id, input: { humanAgentTag: e.target.checked } })}
        />
        Human agent tag: let agents reply up to 7 days after the customer&apos;s last message
      </label>
      <p className="text-xs text-neutral-600">
        Replies written by a person between 24 hours and 7 days after the customer wrote go out with Instagram&apos;s
        HUMAN_AGENT tag, and are marked so in the thread. Switch it on only once CM.com and Meta have approved the Human
        Agent feature for this account: without that approval Instagram refuses tagged messages. Nothing automated is
        ever tagged.
      </p>
      <ErrorAlert error={save.error} />
    </fieldset>
  );
}
