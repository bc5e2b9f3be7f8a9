"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/error-alert";
import { slaPoliciesQuery } from "@/lib/queries/sla-policies";
import { SlaPolicyForm } from "./sla-policy-form";

/** Admin → SLA policies: the default for every account, then each account's own. */
export function SlaPolicies() {
  const query = useQuery(slaPoliciesQuery);
  if (query.isPending) return <p role="status">Loading SLA policies…</p>;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const { defaultPolicy, accounts } = query.data;
  return (
    <div className="space-y-6">
      <section aria-labelledby="sla-default" className="rounded-lg border border-neutral-200 p-4">
        <h2 id="sla-default" className="mb-3 font-medium">
          Default policy
        </h2>
        <SlaPolicyForm accountId={null} name="Default policy" policy={defaultPolicy} />
      </section>
      {accounts.map((account) => (
        <section
          key={account.accountId}
          aria-labelledby={`sla-${account.accountId}`}
          className="rounded-lg border border-neutral-200 p-4"
        >
          <h2 id={`sla-${account.accountId}`} className="font-medium">
            {account.displayName}
          </h2>
          <p className="mb-3 text-sm text-neutral-600">
            {account.policy ? "Its own policy." : "Uses the default policy; save targets here to give it its own."}{" "}
            {account.hasBusinessHours
              ? `Business hours in ${account.timeZone}.`
              : "No business hours set: “Business hours only” runs around the clock."}
          </p>
          <SlaPolicyForm
            accountId={account.accountId}
            name={`Policy for ${account.displayName}`}
            policy={account.policy}
          />
        </section>
      ))}
    </div>
  );
}
