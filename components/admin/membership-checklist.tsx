"use client";

import { useState, type ReactNode } from "react";
import type { TMembership, TSetMembership } from "@/lib/access/schemas";
import { isMember, useSetMembership } from "@/lib/queries/memberships";
import { ErrorAlert } from "@/components/ui/error-alert";

export interface TMembershipItem {
  accountId: string;
  userId: string;
  /** The checkbox's accessible name: the agent's name, or the account's display name. */
  label: string;
  /** Shown beside the label, outside its name (e.g. "deactivated"). */
  note?: string;
}

/**
 * A group of checkboxes, one per membership that could exist: ticking one adds it at once,
 * unticking removes it (shared by an account's card and an agent's row).
 */
export function MembershipChecklist({
  legend,
  hideLegend = false,
  items,
  memberships,
  children,
}: {
  legend: string;
  hideLegend?: boolean;
  items: TMembershipItem[];
  memberships: TMembership[];
  /** Explanations shown under the legend. */
  children?: ReactNode;
}) {
  const set = useSetMembership();
  // Set in the click's own handler: React Query tells of a pending mutation a tick later, and
  // meanwhile the controlled box would spring back to what it was.
  const [changing, setChanging] = useState<TSetMembership | null>(null);

  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className={hideLegend ? "sr-only" : "text-sm font-medium text-neutral-800"}>{legend}</legend>
      {children}
      {items.length > 0 && (
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {items.map((item) => (
            <li key={`${item.accountId} ${item.userId}`} className="flex items-center gap-1.5 text-sm">
              <label className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  className="size-4 rounded border-neutral-300"
                  // While its change is on the way, the box shows the change (at once, in the
                  // click's own render), not the list that is about to be updated.
                  checked={
                    changing?.accountId === item.accountId && changing.userId === item.userId
                      ? changing.member
                      : isMember(memberships, item.accountId, item.userId)
                  }
                  disabled={changing?.accountId === item.accountId && changing.userId === item.userId}
                  onChange={(event) => {
                    const input = { accountId: item.accountId, userId: item.userId, member: event.target.checked };
                    setChanging(input);
                    set.mutate(input, { onSettled: () => setChanging(null) });
                  }}
                />
                {item.label}
              </label>
              {item.note && <span className="text-xs text-neutral-500">({item.note})</span>}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={set.error} />
    </fieldset>
  );
}
