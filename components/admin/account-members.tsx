"use client";

import { useQuery } from "@tanstack/react-query";
import type { TAccountView } from "@/lib/accounts/schemas";
import { usersQuery } from "@/lib/queries/admin";
import { isMember, membershipsQuery } from "@/lib/queries/memberships";
import { MembershipChecklist } from "./membership-checklist";

/** On an account's card: the agents who work it, ticked on and off. */
export function AccountMembers({ account }: { account: TAccountView }) {
  const users = useQuery(usersQuery);
  const memberships = useQuery(membershipsQuery);

  if (users.isPending || memberships.isPending) {
    return (
      <p role="status" className="text-sm text-neutral-500">
        Loading members…
      </p>
    );
  }
  if (users.isError || memberships.isError) {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
        <p>The members could not be loaded: {(users.error ?? memberships.error)?.message}</p>
        <button
          type="button"
          className="mt-1 font-medium underline"
          onClick={() => void Promise.all([users.refetch(), memberships.refetch()])}
        >
          Try again
        </button>
      </div>
    );
  }
  const agents = users.data.filter((user) => user.role === "agent");
  const members = agents.filter((agent) => isMember(memberships.data, account.id, agent.id));
  return (
    <MembershipChecklist
      legend={`Members of ${account.displayName}`}
      memberships={memberships.data}
      items={agents.map((agent) => ({
        accountId: account.id,
        userId: agent.id,
        label: agent.name,
        ...(agent.active ? {} : { note: "deactivated" }),
      }))}
    >
      <p className="text-xs text-neutral-500">
        Members see this account&apos;s conversations, answer them and get them live. Admins see every account and are
        not listed.
      </p>
      {agents.length === 0 ? (
        <p className="text-sm text-neutral-600">No agents yet: add people under Agents.</p>
      ) : (
        members.length === 0 && (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            No agent can see this account yet. Tick the agents who work it.
          </p>
        )
      )}
    </MembershipChecklist>
  );
}
