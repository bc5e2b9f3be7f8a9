"use client";

import { useId, useState } from "react";
import type { TAccountView } from "@/lib/accounts/schemas";
import { dailyUsageText } from "@/lib/channel/daily-usage";
import { useInboxAccounts } from "@/lib/queries/inbox-accounts";
import { useUpdateAccount } from "@/lib/queries/admin";
import { AccountEditForm } from "./account-edit-form";
import { AccountMembers } from "./account-members";
import { AccountSettingsForm } from "./account-settings-form";
import { AutoAssignSettings } from "./auto-assign-settings";
import { HumanAgentTagSetting } from "./human-agent-tag-setting";
import { ConnectionTest } from "./connection-test";
import { ErrorAlert } from "@/components/ui/error-alert";
import { RemoveAccount } from "./remove-account";
import { RetentionSettings } from "./retention-settings";
import { RotateWebhookSecret } from "./rotate-webhook-secret";
import { secondaryButton } from "@/components/ui/styles";
import { WebhookUrls } from "./webhook-urls";

export function AccountCard({ account }: { account: TAccountView }) {
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const toggle = useUpdateAccount();
  const usage = useInboxAccounts().data?.accounts.find((a) => a.id === account.id);

  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-md border border-neutral-200 bg-white p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex items-center gap-2">
          <h2 id={headingId} className="text-base font-semibold">
            {account.displayName}
          </h2>
          <EnabledBadge enabled={account.enabled} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {!editing && (
            <button type="button" className={secondaryButton} onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button
            type="button"
            className={secondaryButton}
            disabled={toggle.isPending}
            onClick={() => toggle.mutate({ id: account.id, input: { enabled: !account.enabled } })}
          >
            {account.enabled ? "Disable" : "Enable"}
          </button>
          <RemoveAccount account={account} />
        </div>
      </div>
      <ErrorAlert error={toggle.error} />

      {editing ? (
        <AccountEditForm account={account} onDone={() => setEditing(false)} />
      ) : (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-neutral-500">Instagram account ID</dt>
          <dd className="font-mono">{account.igAccountId}</dd>
          <dt className="text-neutral-500">Product token</dt>
          <dd className="font-mono">{account.productTokenMasked}</dd>
          <dt className="text-neutral-500">CM gateway</dt>
          <dd className={account.cmBaseUrl ? "font-mono" : "text-neutral-600"}>{account.cmBaseUrl ?? "default"}</dd>
          <dt className="text-neutral-500">Daily limit</dt>
          <dd className={usage?.usage.level === "ok" || !usage ? "text-neutral-700" : "font-medium text-amber-900"}>
            {usage ? dailyUsageText(usage.usage) : "…"}
          </dd>
        </dl>
      )}

      <WebhookUrls urls={account.webhookUrls} />
      <div className="flex flex-wrap items-start gap-x-8 gap-y-4 border-t border-neutral-100 pt-4">
        {/* A result belongs to the token and gateway it tested: a change of either clears it. */}
        <ConnectionTest key={`${account.productTokenMasked} ${account.cmBaseUrl}`} accountId={account.id} />
        <RotateWebhookSecret accountId={account.id} />
      </div>
      <div className="border-t border-neutral-100 pt-4">
        <AccountMembers account={account} />
      </div>
      <AutoAssignSettings account={account} />
      <HumanAgentTagSetting account={account} />
      <AccountSettingsForm account={account} />
      <RetentionSettings accountId={account.id} />
    </section>
  );
}

function EnabledBadge({ enabled }: { enabled: boolean }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${
        enabled ? "bg-emerald-50 text-emerald-800" : "bg-neutral-100 text-neutral-600"
      }`}
    >
      {enabled ? "Enabled" : "Disabled"}
    </span>
  );
}
