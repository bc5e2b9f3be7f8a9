import type { TAccountView } from "../../accounts/schemas";
import { maskToken } from "../../accounts/schemas";
import { accountSettingsOf } from "./account-settings-of";

/**
 * CM's Channels app posts to three URLs per account. The account's secret is in the path:
 * CM signs nothing (FORMATS.md §6), so an unguessable URL is what tells us a webhook is ours.
 */
export function webhookUrls(appUrl: string, secret: string): TAccountView["webhookUrls"] {
  const base = `${appUrl}/api/webhooks/cm/${secret}`;
  return { messages: `${base}/messages`, events: `${base}/events`, statusReports: `${base}/status-reports` };
}

export interface TAccountRow {
  id: string;
  igAccountId: string;
  displayName: string;
  productTokenLast4: string;
  cmBaseUrl: string | null;
  enabled: boolean;
  humanAgentTag: boolean;
  autoAssign: boolean;
  autoAssignLimit: number;
  webhookSecret: string;
  createdAt: Date;
  timeZone: string;
  businessHours: unknown;
  surveyEnabled: boolean;
  surveyText: string | null;
  surveyFollowUpText: string | null;
  surveyCooldownDays: number;
}

export function toAccountView(row: TAccountRow, appUrl: string): TAccountView {
  return {
    id: row.id,
    igAccountId: row.igAccountId,
    displayName: row.displayName,
    productTokenMasked: maskToken(row.productTokenLast4),
    cmBaseUrl: row.cmBaseUrl,
    enabled: row.enabled,
    humanAgentTag: row.humanAgentTag,
    autoAssign: row.autoAssign,
    autoAssignLimit: row.autoAssignLimit,
    webhookUrls: webhookUrls(appUrl, row.webhookSecret),
    createdAt: row.createdAt.toISOString(),
    settings: accountSettingsOf(row),
  };
}
