"use client";

import { useId, useState } from "react";
import { AUTO_ASSIGN_LIMIT_MAX, ZAutoAssignSettings, type TAccountView } from "@/lib/accounts/schemas";
import { useSetAutoAssign } from "@/lib/queries/admin";
import { ErrorAlert } from "@/components/ui/error-alert";
import { secondaryButton } from "@/components/ui/styles";

/**
 * Automatic assignment for one account: on or off, and how many open conversations an agent
 * may hold before it stops giving them more.
 */
export function AutoAssignSettings({ account }: { account: TAccountView }) {
  const id = useId();
  const save = useSetAutoAssign();
  const [limit, setLimit] = useState(String(account.autoAssignLimit));
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = (autoAssign: boolean) => {
    const parsed = ZAutoAssignSettings.safeParse({ autoAssign, autoAssignLimit: limit });
    if (!parsed.success) {
      setInvalid(`The limit ${parsed.error.issues[0]?.message ?? "is not valid"}.`);
      return;
    }
    setInvalid(null);
    save.mutate({ id: account.id, input: parsed.data });
  };
  return (
    <fieldset className="space-y-2 border-t border-neutral-100 pt-4 text-sm">
      <legend className="font-medium">Automatic assignment</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={account.autoAssign}
          disabled={save.isPending}
          onChange={(e) => submit(e.target.checked)}
        />
        Give new and reopened conversations to the online member with the fewest open ones
      </label>
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-limit`} className="flex flex-col gap-0.5 text-xs text-neutral-600">
          Open conversations per agent, at most
          <input
            id={`${id}-limit`}
            type="number"
            min={1}
            max={AUTO_ASSIGN_LIMIT_MAX}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            className="w-28 rounded-md border border-neutral-300 px-2 py-1 text-sm"
          />
        </label>
        <button
          type="button"
          className={secondaryButton}
          disabled={save.isPending || limit === String(account.autoAssignLimit)}
          onClick={() => submit(account.autoAssign)}
        >
          Save limit
        </button>
      </div>
      {invalid && (
        <p role="alert" className="text-sm text-red-800">
          {invalid}
        </p>
      )}
      <ErrorAlert error={save.error} />
    </fieldset>
  );
}
