"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { TReportTableQuery } from "@/lib/reports/schemas";
import { readReportView, reportSearch, type TReportTab, type TReportView } from "@/lib/reports/url";

export type TViewPatch = Partial<Record<keyof TReportTableQuery, string | undefined>> & { tab?: TReportTab };

/** The report the URL names, and a way to change it: every change is a new URL (Back undoes it). */
export function useReportView(): TReportView & { change: (patch: TViewPatch) => void } {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const view = useMemo(() => readReportView(new URLSearchParams(params.toString())), [params]);
  function change(patch: TViewPatch) {
    const next = { tab: view.tab, ...(view.query as Record<string, string | undefined>), ...patch };
    router.push(`${pathname}${reportSearch(next)}`, { scroll: false });
  }
  return { ...view, change };
}
