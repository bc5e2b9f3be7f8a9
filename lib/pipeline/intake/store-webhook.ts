import { randomUUID } from "node:crypto";
import type { TSql } from "../../db/client";
import {
  STORED_KIND,
  orderKeyOf,
  type TWebhookAccount,
  type TWebhookUrlKind,
  type TWebhookUnit,
} from "./parse-webhook";

export interface TStoreResult {
  /** False when the URL's secret no longer belongs to the account (rotated meanwhile): 401. */
  known: boolean;
  /** How many deliveries in the body were new; the rest were copies of stored ones. */
  stored: number;
  duplicates: number;
}

/**
 * Makes a webhook durable before we answer CM: ONE statement, which checks that the secret
 * still belongs to the account, inserts every delivery of the body with its dedupe key, and
 * skips (ON CONFLICT DO NOTHING) the ones stored before. A retried delivery is recognised here
 * and only here. Applying it to the inbox is the intake processor's job, right after.
 */
export async function storeWebhook(
  sql: TSql,
  input: {
    account: TWebhookAccount;
    secret: string;
    kind: TWebhookUrlKind;
    units: TWebhookUnit[];
    payload: string;
    now: Date;
  },
): Promise<TStoreResult> {
  const { account, units, now } = input;
  // Straight to the driver: this statement runs once per webhook, at the rate CM sends them.
  const [row] = await sql.query<{ known: number; stored: number }>(
    `WITH account AS (
      SELECT "id" FROM "InstagramAccount" WHERE "id" = $1 AND "webhookSecret" = $2
    ), inserted AS (
      INSERT INTO "WebhookEvent"
        ("id", "accountId", "kind", "dedupeKey", "cmReference", "payload", "orderKey", "receivedAt", "availableAt")
      SELECT u.id, account."id", $3::"WebhookKind", u.key, u.ref, $4, u.ord,
        $5::timestamptz AT TIME ZONE 'UTC', $5::timestamptz AT TIME ZONE 'UTC'
      FROM account, unnest($6::text[], $7::text[], $8::text[], $9::text[]) AS u(id, key, ref, ord)
      ON CONFLICT ("kind", "dedupeKey") DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM account)::int AS known, (SELECT count(*) FROM inserted)::int AS stored`,
    [
      account.id,
      input.secret,
      STORED_KIND[input.kind],
      input.payload,
      now.toISOString(),
      units.map(() => randomUUID()),
      units.map((u) => u.dedupeKey),
      units.map((u) => u.cmReference),
      units.map((u) => orderKeyOf(account.id, u.customer)),
    ],
  );
  const known = (row?.known ?? 0) > 0;
  const stored = row?.stored ?? 0;
  return { known, stored, duplicates: known ? units.length - stored : 0 };
}
