"use client";

import { useId } from "react";
import type { TAccountPipeline } from "@/lib/webhooks/pipeline-status";
import { useRetryAllFailed, useRetryWebhook } from "@/lib/queries/pipeline";
import { ErrorAlert } from "@/components/ui/error-alert";
import { secondaryButton } from "@/components/ui/styles";
import { exactTime, timeAgo } from "@/components/ui/format-time";

const KIND_NAMES = { MESSAGE: "Message", EVENT: "Event", STATUS_REPORT: "Status report" } as const;

/** The webhooks the processor could not apply, newest first, each with its reason and a retry. */
export function FailingWebhooks({ account, now }: { account: TAccountPipeline; now: Date }) {
  const headingId = useId();
  const retry = useRetryWebhook();
  const retryAll = useRetryAllFailed();
  if (account.failing.length === 0) return null;

  return (
    <div aria-labelledby={headingId} role="group" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-medium">
          Webhooks that could not be applied
        </h3>
        {account.webhooks.failed > 0 && (
          <button
            type="button"
            className={secondaryButton}
            disabled={retryAll.isPending}
            onClick={() => retryAll.mutate(account.accountId)}
          >
            Retry all failed
          </button>
        )}
      </div>
      <ErrorAlert error={retryAll.error ?? retry.error} />
      <ul className="divide-y divide-neutral-100 rounded-md border border-neutral-200">
        {account.failing.map((webhook) => (
          <li
            key={webhook.id}
            className="flex flex-col gap-2 p-3 text-sm sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="font-medium">{KIND_NAMES[webhook.kind]}</span>
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${webhook.state === "FAILED" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900"}`}
                >
                  {webhook.state === "FAILED" ? "Failed" : "Retrying"}
                </span>
                <span className="text-neutral-500">
                  received{" "}
                  <time dateTime={webhook.receivedAt} title={exactTime(webhook.receivedAt)}>
                    {timeAgo(webhook.receivedAt, now)}
                  </time>{" "}
                  · {webhook.attempts} {webhook.attempts === 1 ? "try" : "tries"}
                  {webhook.nextTryAt && (
                    <>
                      {" "}
                      · next try{" "}
                      <time dateTime={webhook.nextTryAt} title={exactTime(webhook.nextTryAt)}>
                        {timeAgo(webhook.nextTryAt, now)}
                      </time>
                    </>
                  )}
                </span>
              </p>
              <p className="font-mono text-xs break-words whitespace-pre-wrap text-neutral-700">
                {webhook.lastError ?? "No reason recorded"}
              </p>
            </div>
            <button
              type="button"
              className={`${secondaryButton} shrink-0 self-start`}
              disabled={retry.isPending && retry.variables === webhook.id}
              onClick={() => retry.mutate(webhook.id)}
            >
              Retry now
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
