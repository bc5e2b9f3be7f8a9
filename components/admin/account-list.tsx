"use client";

import { useQuery } from "@tanstack/react-query";
import { accountsQuery } from "@/lib/queries/admin";
import { AccountCard } from "./account-card";

export function AccountList() {
  const query = useQuery(accountsQuery);

  if (query.isPending) {
    return (
      <p role="status" className="text-sm text-neutral-500">
        Loading accounts…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        <p>The accounts could not be loaded: {query.error.message}</p>
        <button type="button" className="mt-2 font-medium underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (query.data.length === 0) {
    return (
      <div className="rounded-md border border-dashed border-neutral-300 p-6 text-sm text-neutral-500">
        <p className="font-medium text-neutral-700">No Instagram accounts linked yet</p>
        <p className="mt-1">Link one below with its CM.com product token, then paste its webhook URLs into CM.</p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {query.data.map((account) => (
        <AccountCard key={account.id} account={account} />
      ))}
    </div>
  );
}
