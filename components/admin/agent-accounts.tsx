"use client";

import { useQuery } from "@tanstack/react-query";
import { accountsQuery } from "@/lib/queries/admin";
import { membershipsQuery } from "@/lib/queries/memberships";
import type { TUserView } from "@/lib/users/schemas";
import { MembershipChecklist } from "./membership-checklist";

/** In an agent's row: the Instagram accounts they work, ticked on and off. */
export function AgentAccounts({ user }: { user: TUserView }) {
  const accounts = useQuery(accountsQuery);
  const memberships = useQuery(membershipsQuery);

  if (user.role === "admin") return <span className="text-neutral-600">Every account (admin)</span>;
  if (accounts.isPending || memberships.isPending) {
    return (
      <span role="status" className="text-neutral-500">
        Loading…
      </span>
    );
  }
  if (accounts.isError || memberships.isError) {
    return (
      <span role="alert" className="text-red-800">
        Could not load accounts.{" "}
        <button
          type="button"
          className="font-medium underline"
          onClick={() => void Promise.all([accounts.refetch(), memberships.refetch()])}
        >
          Try again
        </button>
      </span>
    );
  }
  if (accounts.data.length === 0) return <span className="text-neutral-600">No accounts linked</span>;
  const mine = memberships.data.filter((m) => m.userId === user.id).length;
  return (
    <MembershipChecklist
      legend={`Accounts of ${user.name}`}
      hideLegend
      memberships={memberships.data}
      items={accounts.data.map((account) => ({ accountId: account.id, userId: user.id, label: account.displayName }))}
    >
      {mine === 0 && <p className="text-xs text-amber-800">Sees no conversations yet.</p>}
    </MembershipChecklist>
  );
}
