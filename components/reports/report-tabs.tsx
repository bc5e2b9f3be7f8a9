"use client";

import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { REPORT_TABS, type TReportTab } from "@/lib/reports/url";

const NAMES: Record<TReportTab, string> = {
  overview: "Overview",
  agents: "Agents",
  accounts: "Accounts",
  labels: "Labels",
};

/** The reports' tabs (ARIA tabs: arrows move between them); the chosen one is in the URL. */
export function ReportTabs({
  tab,
  onSelect,
  children,
}: {
  tab: TReportTab;
  onSelect: (tab: TReportTab) => void;
  children: ReactNode;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    const next = REPORT_TABS[(REPORT_TABS.indexOf(tab) + step + REPORT_TABS.length) % REPORT_TABS.length] ?? "overview";
    onSelect(next);
    refs.current[next]?.focus();
  }
  return (
    <>
      <div
        role="tablist"
        aria-label="Reports"
        className="flex gap-1 overflow-x-auto border-b border-neutral-200"
        onKeyDown={onKeyDown}
      >
        {REPORT_TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              refs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`report-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="report-panel"
            tabIndex={tab === name ? 0 : -1}
            onClick={() => onSelect(name)}
            className={`border-b-2 px-3 pb-2 text-sm ${tab === name ? "border-neutral-900 font-medium" : "border-transparent text-neutral-600 hover:border-neutral-400"}`}
          >
            {NAMES[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="report-panel" aria-labelledby={`report-tab-${tab}`} className="pt-4">
        {children}
      </div>
    </>
  );
}
