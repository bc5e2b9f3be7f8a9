"use client";

import { useQuery } from "@tanstack/react-query";
import { SelectField } from "@/components/ui/select-field";
import { usersQuery } from "@/lib/queries/admin";
import { useInboxAccounts } from "@/lib/queries/inbox-accounts";
import { labelsQuery } from "@/lib/queries/labels";
import type { TReportTableQuery } from "@/lib/reports/schemas";
import { RangePicker } from "./range-picker";
import type { TViewPatch } from "./use-report-view";

const ALL = "";

/** The report's range, filters and options; each change goes to the URL. */
export function ReportFilters({
  query,
  onChange,
  withAgentAndLabel = true,
}: {
  query: TReportTableQuery;
  onChange: (patch: TViewPatch) => void;
  /** My performance has no agent to pick (it is the user) and no admin's lists to pick from. */
  withAgentAndLabel?: boolean;
}) {
  const accounts = useInboxAccounts();
  const users = useQuery({ ...usersQuery, enabled: withAgentAndLabel, refetchInterval: false });
  const labels = useQuery({ ...labelsQuery, enabled: withAgentAndLabel });
  const options = (rows: { id: string; name: string }[] | undefined, all: string) => [
    { value: ALL, label: all },
    ...(rows ?? []).map((r) => ({ value: r.id, label: r.name })),
  ];
  const accountRows = accounts.data?.accounts.map((a) => ({ id: a.id, name: a.displayName }));
  const agentRows = users.data;
  return (
    <section aria-label="Filters" className="space-y-3 rounded-lg border border-neutral-200 bg-white p-3">
      <RangePicker range={query.range} from={query.from} to={query.to} onChange={onChange} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          label="Account"
          value={query.accountId ?? ALL}
          options={options(accountRows, "All accounts")}
          onChange={(accountId) => onChange({ accountId })}
          hint="Days and hours in its time zone (else UTC)."
        />
        {withAgentAndLabel && (
          <>
            <SelectField
              label="Agent"
              value={query.agentId ?? ALL}
              options={options(agentRows, "All agents")}
              onChange={(agentId) => onChange({ agentId })}
            />
            <SelectField
              label="Label"
              value={query.labelId ?? ALL}
              options={options(labels.data, "All labels")}
              onChange={(labelId) => onChange({ labelId })}
            />
          </>
        )}
        <SelectField
          label="Chart by"
          value={query.granularity ?? ALL}
          options={[
            { value: ALL, label: "Automatic" },
            { value: "hour", label: "Hour" },
            { value: "day", label: "Day" },
          ]}
          onChange={(granularity) => onChange({ granularity })}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={query.businessHours === "on"}
          onChange={(event) => onChange({ businessHours: event.target.checked ? "on" : "off" })}
        />
        Business hours only (times counted while the account is open)
      </label>
    </section>
  );
}
