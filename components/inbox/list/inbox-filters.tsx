"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  DEFAULT_FILTERS,
  SORTS,
  STATUS_FILTERS,
  WINDOW_FILTERS,
  type TSort,
  type TStatusFilter,
  type TWindowFilter,
} from "@/lib/conversations/schemas";
import { labelsQuery } from "@/lib/queries/labels";
import { useInboxAccounts } from "@/lib/queries/inbox-accounts";
import { useListFilters } from "./use-list-filters";

const STATUS_LABELS: Record<TStatusFilter, string> = {
  open: "Open",
  bot: "With a bot",
  snoozed: "Snoozed",
  resolved: "Resolved",
  all: "Any status",
};
const WINDOW_LABELS: Record<TWindowFilter, string> = {
  any: "Any",
  open: "Open",
  closing: "Closing within 1 h",
  closed: "Closed",
};
const SORT_LABELS: Record<TSort, string> = {
  newest: "Newest activity",
  waiting: "Waiting longest",
  closing: "Window closing soonest",
  sla: "SLA due soonest",
};

const selectClass = "w-full rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm";

/** Status, account, reply window, handed over, and the order: under a "Filters" toggle. */
export function InboxFilters() {
  const { filters, setFilters } = useListFilters();
  const [open, setOpen] = useState(false);
  const accounts = useInboxAccounts();
  const labels = useQuery(labelsQuery);
  const active =
    Number(filters.status !== DEFAULT_FILTERS.status) +
    Number(Boolean(filters.account)) +
    Number(Boolean(filters.label)) +
    Number(filters.window !== DEFAULT_FILTERS.window) +
    Number(filters.handover) +
    Number(filters.sort !== DEFAULT_FILTERS.sort);

  return (
    <div className="border-t border-neutral-100 px-3 py-2 text-sm">
      <div className="flex items-center justify-between gap-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="inbox-filters"
          onClick={() => setOpen((v) => !v)}
          className="font-medium text-neutral-700 hover:underline"
        >
          Filters{active ? ` (${active})` : ""}
        </button>
        <span className="truncate text-xs text-neutral-500">
          {STATUS_LABELS[filters.status]} · {SORT_LABELS[filters.sort]}
        </span>
      </div>
      {open && (
        <div id="inbox-filters" className="mt-2 grid grid-cols-2 gap-2">
          <FilterSelect
            label="Status"
            value={filters.status}
            options={STATUS_FILTERS.map((s) => [s, STATUS_LABELS[s]])}
            onChange={(status) => setFilters({ status })}
          />
          <FilterSelect
            label="Instagram account"
            value={filters.account ?? ""}
            options={[
              ["", "All accounts"],
              ...(accounts.data?.accounts.map((a) => [a.id, a.displayName] as const) ?? []),
            ]}
            onChange={(account) => setFilters({ account: account || undefined })}
          />
          <FilterSelect
            label="Label"
            value={filters.label ?? ""}
            options={[["", "Any label"], ...(labels.data?.map((l) => [l.id, l.name] as const) ?? [])]}
            onChange={(label) => setFilters({ label: label || undefined })}
          />
          <FilterSelect
            label="Reply window"
            value={filters.window}
            options={WINDOW_FILTERS.map((w) => [w, WINDOW_LABELS[w]])}
            onChange={(window) => setFilters({ window })}
          />
          <FilterSelect
            label="Sort"
            value={filters.sort}
            options={SORTS.map((s) => [s, SORT_LABELS[s]])}
            onChange={(sort) => setFilters({ sort })}
          />
          <label className="col-span-2 flex items-center gap-2 text-sm text-neutral-700">
            <input
              type="checkbox"
              checked={filters.handover}
              onChange={(e) => setFilters({ handover: e.target.checked })}
            />
            Handed over to the Instagram inbox
          </label>
          {active > 0 && (
            <button
              type="button"
              className="col-span-2 justify-self-start text-xs font-medium text-blue-700 hover:underline"
              onClick={() =>
                setFilters({
                  status: "open",
                  account: undefined,
                  label: undefined,
                  window: "any",
                  handover: false,
                  sort: "newest",
                })
              }
            >
              Clear filters
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** One labelled menu of the filters; `options` are [value, label] pairs. */
function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  return (
    <label className="flex flex-col gap-0.5 text-xs text-neutral-600">
      {label}
      <select className={selectClass} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
