import type { TAccountView } from "@/lib/accounts/schemas";
import { CopyField } from "@/components/ui/copy-field";

export function WebhookUrls({ urls }: { urls: TAccountView["webhookUrls"] }) {
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">Webhook URLs</h3>
      <p className="text-xs text-neutral-500">
        Paste each into CM.com&apos;s Channels app, under this Instagram channel&apos;s webhooks.
      </p>
      <CopyField label="Messages webhook URL" value={urls.messages} />
      <CopyField label="Events webhook URL" value={urls.events} />
      <CopyField label="Status reports webhook URL" value={urls.statusReports} />
    </div>
  );
}
