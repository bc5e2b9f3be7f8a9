"use client";

import { ErrorAlert } from "./error-alert";

/** Accounts to choose from, as a query gives them (loading, failed, or the list). */
export interface TAccountChoices {
  isPending: boolean;
  error: Error | null;
  data: { id: string; displayName: string }[] | undefined;
}

/**
 * "Instagram accounts": all of them (present and future), or the ones ticked (checkboxes named
 * `account`); for what reaches accounts (API tokens, webhook endpoints). The form reads the
 * ticked ones when `all` is off.
 */
export function AccountsFieldset({
  all,
  onAllChange,
  accounts,
  error,
}: {
  all: boolean;
  onAllChange: (all: boolean) => void;
  accounts: TAccountChoices;
  error?: string | undefined;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Instagram accounts</legend>
      <label className="mt-1 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={all} onChange={(event) => onAllChange(event.target.checked)} />
        All accounts, including ones linked later
      </label>
      {!all && (
        <div className="mt-1 space-y-1 pl-6">
          {accounts.isPending && <p className="text-sm text-neutral-500">Loading accounts…</p>}
          <ErrorAlert error={accounts.error} />
          {accounts.data?.length === 0 && (
            <p className="text-sm text-neutral-600">No Instagram account is linked yet.</p>
          )}
          {accounts.data?.map((account) => (
            <label key={account.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="account" value={account.id} />
              {account.displayName}
            </label>
          ))}
        </div>
      )}
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
