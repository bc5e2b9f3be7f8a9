import type pg from "pg";
import { preparedName } from "../../db/prepared";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { applyInboundMessages, type TApplied, type TQuery } from "./apply-inbound-message";
import { types } from "./apply-messages-directly";
import { orderKeyOf, type TWebhookAccount, type TWebhookUnit } from "./parse-webhook";

export interface TStoreAndApplyInput {
  account: TWebhookAccount;
  secret: string;
  unit: Extract<TWebhookUnit, { kind: "MESSAGE" }>;
  payload: string;
  now: Date;
}

/** Stores a customer's message and, when it can, applies it in the same statement; null: busy. */
export type TStoreAndApply = (input: TStoreAndApplyInput) => Promise<TApplied | null>;

/**
 * The fast lane of intake on PostgreSQL, for a webhook that arrives while the inbox is not
 * busy: ONE statement stores the webhook exactly as store-webhook.ts does (secret re-checked,
 * copies recognised, committed durably before CM gets its 200) and, when it is new and its
 * customer has no earlier webhook pending, applies it to the inbox and marks it DONE, so the
 * agents see it a round trip after it arrived instead of after a second transaction. With
 * `maxInFlight` such statements running, the next webhook takes the usual way (stored, then
 * applied in a batch by the processor), which is what holds a burst.
 */
export function createStoreAndApply(
  pool: pg.Pool,
  { emit, maxInFlight }: { emit: (effects: TEffects) => void; maxInFlight: number },
): TStoreAndApply {
  let inFlight = 0;
  return async ({ account, secret, unit, payload, now }) => {
    if (inFlight >= maxInFlight) return null;
    inFlight++;
    try {
      const query: TQuery = async <T>(text: string, values: unknown[]) =>
        (await pool.query({ name: preparedName(text), text, values, types })).rows as T[];
      const effects = noEffects();
      const result = await applyInboundMessages(
        query,
        [{ accountId: account.id, mo: unit.mo, dedupeKey: unit.dedupeKey, replaced: unit.replaced }],
        now,
        effects,
        {
          accountId: account.id,
          secret,
          orderKey: orderKeyOf(account.id, unit.customer),
          dedupeKey: unit.dedupeKey,
          cmReference: unit.cmReference,
          payload,
        },
      );
      if (result.applied) emit(effects);
      return result;
    } finally {
      inFlight--;
    }
  };
}
