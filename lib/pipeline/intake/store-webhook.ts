import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../db/generated/client";
import { STORED_KIND, orderKeyOf, type TWebhookAccount, type TWebhookKind, type TWebhookUnit } from "./parse-webhook";

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
  prisma: PrismaClient,
  input: {
    account: TWebhookAccount;
    secret: string;
    kind: TWebhookKind;
    units: TWebhookUnit[];
    payload: string;
    now: Date;
  },
): Promise<TStoreResult> {
  const { account, units, now } = input;
  const [row] = await prisma.$queryRaw<{ known: number; stored: number }[]>`
    WITH account AS (
      SELECT "id" FROM "InstagramAccount" WHERE "id" = ${account.id} AND "webhookSecret" = ${input.secret}
    ), inserted AS (
      INSERT INTO "WebhookEvent"
        ("id", "accountId", "kind", "dedupeKey", "cmReference", "payload", "orderKey", "receivedAt", "availableAt")
      SELECT u.id, account."id", ${STORED_KIND[input.kind]}::"WebhookKind", u.key, u.ref, ${input.payload}, u.ord, ${now}, ${now}
      FROM account, unnest(
        ${units.map(() => randomUUID())}::text[],
        ${units.map((u) => u.dedupeKey)}::text[],
        ${units.map((u) => u.cmReference)}::text[],
        ${units.map((u) => orderKeyOf(account.id, u.customer))}::text[]
      ) AS u(id, key, ref, ord)
      ON CONFLICT ("kind", "dedupeKey") DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM account)::int AS known, (SELECT count(*) FROM inserted)::int AS stored`;
  const known = (row?.known ?? 0) > 0;
  const stored = row?.stored ?? 0;
  return { known, stored, duplicates: known ? units.length - stored : 0 };
}
