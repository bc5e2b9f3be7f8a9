"use client";

import Link from "next/link";
import { useId } from "react";
import type { TAccountPipeline, TWebhookKind } from "@/lib/webhooks/pipeline-status";
import { FailingWebhooks } from "./failing-webhooks";
import { exactTime, timeAgo } from "@/components/ui/format-time";

const KIND_LABELS: Record<TWebhookKind, string> = {
  MESSAGE: "Messages",
  EVENT: "Events",
  STATUS_REPORT: "Status reports",
};

/** One account's pipeline: warnings first, then when CM last reached us, then what is stuck. */
export function PipelineCard({ account, now }: { account: TAccountPipeline; now: Date }) {
  const headingId = useId();
  const neverReached = Object.values(account.lastWebhookAt).every((at) => at === null);
  const { webhooks, replies } = account;
  const backlog = account.warnings.some((w) => w.kind === "backlog");

  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-md border border-neutral-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-base font-semibold">
          {account.displayName}
        </h2>
        <span className="font-mono text-xs text-neutral-500">{account.igAccountId}</span>
        {!account.enabled && (
          <span className="rounded-full bg-neutral-100 px-2 py-0.5 text-xs font-medium text-neutral-600">Disabled</span>
        )}
      </div>

      {account.warnings.map((warning) => (
        <div
          key={warning.kind}
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          <p className="font-medium">{warning.message}</p>
          <p className="mt-1">{warning.check}</p>
        </div>
      ))}

      {neverReached && (
        <p className="rounded-md border border-dashed border-neutral-300 p-3 text-sm text-neutral-600">
          No webhooks yet: paste the webhook URLs into CM&apos;s Channels app (
          <Link href="/admin/accounts" className="font-medium text-blue-700 hover:underline">
            Instagram accounts
          </Link>{" "}
          shows them with copy buttons).
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <WebhookTable account={account} now={now} />

        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
          <Count label="Waiting to be applied" value={webhooks.pending} tone={backlog ? "warn" : undefined} />
          <Count label="Retrying" value={webhooks.retrying} tone={webhooks.retrying > 0 ? "warn" : undefined} />
          <Count label="Failed" value={webhooks.failed} tone={webhooks.failed > 0 ? "bad" : undefined} />
          <Count
            label="Parked for their message"
            value={webhooks.waiting}
            note={webhooks.waitingOverAnHour > 0 ? `${webhooks.waitingOverAnHour} over 1 h` : undefined}
          />
          <Count
            label="Replies queued"
            value={replies.queued}
            note={replies.nextQueuedAttemptAt ? `next try ${timeAgo(replies.nextQueuedAttemptAt, now)}` : undefined}
          />
          <Count
            label="Replies failed (24 h)"
            value={replies.failedLastDay}
            tone={replies.failedLastDay > 0 ? "bad" : undefined}
          />
        </dl>
      </div>

      <RecentReplyFailures failures={replies.recentFailures} now={now} />

      <FailingWebhooks account={account} now={now} />
    </section>
  );
}

/** When CM last reached us, per kind of webhook, and how many came in the last hour. */
function WebhookTable({ account, now }: { account: TAccountPipeline; now: Date }) {
  return (
    <table className="w-full text-sm" aria-label={`Webhooks from CM for ${account.displayName}`}>
      <thead>
        <tr className="border-b border-neutral-200 text-left text-xs text-neutral-500">
          <th scope="col" className="py-1 pr-3 font-medium">
            Webhook
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Last received
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Last hour
          </th>
        </tr>
      </thead>
      <tbody>
        {(Object.keys(KIND_LABELS) as TWebhookKind[]).map((kind) => {
          const at = account.lastWebhookAt[kind] ?? null;
          return (
            <tr key={kind} className="border-b border-neutral-100">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                {KIND_LABELS[kind]}
              </th>
              <td className="py-1.5 pr-3">
                {at ? (
                  <time dateTime={at} title={exactTime(at)}>
                    {timeAgo(at, now)}
                  </time>
                ) : (
                  <span className="text-neutral-500">never</span>
                )}
              </td>
              <td className="py-1.5 text-right tabular-nums">{account.lastHourByKind[kind] ?? 0}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row" className="py-1.5 pr-3 text-left font-medium">
            All
          </th>
          <td />
          <td className="py-1.5 text-right font-medium tabular-nums">{account.webhooks.lastHour}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** The newest replies the outbox gave up on, and why. */
function RecentReplyFailures({
  failures,
  now,
}: {
  failures: TAccountPipeline["replies"]["recentFailures"];
  now: Date;
}) {
  if (failures.length === 0) return null;
  return (
    <div className="text-sm">
      <h3 className="font-medium">Latest failed replies</h3>
      <ul className="mt-1 space-y-1">
        {failures.map((failure, index) => (
          <li key={index} className="flex flex-wrap gap-x-2">
            <time dateTime={failure.at} title={exactTime(failure.at)} className="text-neutral-500">
              {timeAgo(failure.at, now)}
            </time>
            <span className="break-words">{failure.reason ?? "No reason given"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const TONES = {
  bad: { box: "border-red-200 bg-red-50", value: "text-red-800" },
  warn: { box: "border-amber-300 bg-amber-50", value: "text-amber-900" },
  none: { box: "border-neutral-200", value: "" },
} as const;

function Count({
  label,
  value,
  tone,
  note,
}: {
  label: string;
  value: number;
  tone?: "bad" | "warn" | undefined;
  note?: string | undefined;
}) {
  const { box, value: valueClass } = TONES[tone ?? "none"];
  return (
    <div className={`rounded-md border px-3 py-2 ${box}`}>
      <dt className="text-xs text-neutral-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${valueClass}`}>{value}</dd>
      {note && <dd className="text-xs text-neutral-500">{note}</dd>}
    </div>
  );
}
