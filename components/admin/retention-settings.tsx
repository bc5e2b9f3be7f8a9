"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { lastRunText, previewText } from "@/lib/retention/describe";
import {
  RETENTION_MONTHS_MAX,
  RETENTION_MONTHS_MIN,
  ZRetentionSettings,
  type TRetentionView,
} from "@/lib/retention/schemas";
import { retentionQuery, usePreviewRetention, useSaveRetention } from "@/lib/queries/retention";
import { ErrorAlert } from "@/components/ui/error-alert";
import { exactTime } from "@/components/ui/format-time";
import { secondaryButton } from "@/components/ui/styles";

const formatDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });

/**
 * Retention for one account (issue 20): off by default; old conversations are deleted for
 * good. The admin sees what would be deleted before turning it on, and the last run's figures.
 */
export function RetentionSettings({ accountId }: { accountId: string }) {
  const query = useQuery(retentionQuery(accountId));
  return (
    <fieldset className="space-y-2 border-t border-neutral-100 pt-4 text-sm">
      <legend className="font-medium">Retention</legend>
      {query.data ? <RetentionForm accountId={accountId} saved={query.data} /> : <ErrorAlert error={query.error} />}
    </fieldset>
  );
}

function RetentionForm({ accountId, saved }: { accountId: string; saved: TRetentionView }) {
  const id = useId();
  const save = useSaveRetention(accountId);
  const preview = usePreviewRetention(accountId);
  const [enabled, setEnabled] = useState(saved.enabled);
  const [months, setMonths] = useState(String(saved.months));
  const [invalid, setInvalid] = useState<string | null>(null);
  const parsed = ZRetentionSettings.safeParse({ enabled, months });
  // Turning it on deletes at once: only after the admin has seen what these months delete.
  const previewed = preview.data !== undefined && parsed.success && preview.data.months === parsed.data.months;
  const mustPreview = enabled && !saved.enabled && !previewed;
  const unchanged = parsed.success && parsed.data.enabled === saved.enabled && parsed.data.months === saved.months;
  const checked = (then: (settings: { enabled: boolean; months: number }) => void) => {
    if (!parsed.success) return setInvalid(`The months ${parsed.error.issues[0]?.message ?? "are not valid"}.`);
    setInvalid(null);
    then(parsed.data);
  };
  return (
    <>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Delete old conversations automatically
      </label>
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-months`} className="flex flex-col gap-0.5 text-xs text-neutral-600">
          Delete conversations older than
          <span className="flex items-center gap-1">
            <input
              id={`${id}-months`}
              type="number"
              min={RETENTION_MONTHS_MIN}
              max={RETENTION_MONTHS_MAX}
              value={months}
              aria-describedby={`${id}-unit`}
              onChange={(e) => setMonths(e.target.value)}
              className="w-24 rounded-md border border-neutral-300 px-2 py-1 text-sm"
            />
            <span id={`${id}-unit`}>months (by their last message)</span>
          </span>
        </label>
        <button
          type="button"
          className={secondaryButton}
          disabled={preview.isPending}
          onClick={() => checked((s) => preview.mutate({ months: s.months }))}
        >
          Preview deletion
        </button>
        <button
          type="button"
          className={secondaryButton}
          disabled={save.isPending || mustPreview || unchanged}
          onClick={() => checked((s) => save.mutate(s))}
        >
          Save retention
        </button>
      </div>
      {mustPreview && <p className="text-xs text-neutral-600">Preview the deletion before turning retention on.</p>}
      {/* Always rendered, so screen readers announce the figures when they arrive. */}
      <p role="status" aria-label="Retention preview" className="text-amber-900">
        {previewed && !preview.isPending ? previewText(preview.data, formatDate) : ""}
      </p>
      <p className="text-neutral-600">{lastRunText(saved.lastRun, exactTime)}</p>
      {invalid && (
        <p role="alert" className="text-sm text-red-800">
          {invalid}
        </p>
      )}
      <ErrorAlert error={preview.error ?? save.error} />
    </>
  );
}
