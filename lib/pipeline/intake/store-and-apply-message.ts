import type pg from "pg";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { foldCustomers } from "./fold-customers";
import { inboundEffects, type TInboundRow } from "./inbound-effects";
import { toInboundRowInput, type TInboundItem } from "./inbound-message";
import { STORE_AND_APPLY_MESSAGE, inboundValues, inlineWebhookValues, type TStoreInline } from "./inbound-statement";
import { orderKeyOf, type TWebhookAccount, type TWebhookUnit } from "./parse-webhook";
import { driverQuery, type TQuery } from "./query";
import { looksLikeSurveyAnswerItem } from "./survey-answer-items";

export interface TStoreAndApplyInput {
  account: TWebhookAccount;
  secret: string;
  unit: Extract<TWebhookUnit, { kind: "MESSAGE" }>;
  payload: string;
  now: Date;
}

export interface TApplied {
  /** False when the secret no longer belongs to the account. */
  known: boolean;
  /** 1 when the webhook was new (0: a copy of a stored one). */
  stored: number;
  /** The message was applied (false: stored for the processor instead, or not stored). */
  applied: boolean;
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
  const query = driverQuery(pool);
  let inFlight = 0;
  return async ({ account, secret, unit, payload, now }) => {
    // A survey's answer takes the processor's lane, where its second step runs in the same transaction.
    if (inFlight >= maxInFlight || looksLikeSurveyAnswerItem(unit.mo)) return null;
    inFlight++;
    try {
      const item = { accountId: account.id, mo: unit.mo, dedupeKey: unit.dedupeKey, replaced: unit.replaced };
      const webhook = {
        accountId: account.id,
        secret,
        orderKey: orderKeyOf(account.id, unit.customer),
        dedupeKey: unit.dedupeKey,
        cmReference: unit.cmReference,
        payload,
      };
      const { applied, effects } = await storeAndApplyMessage(query, { item, webhook, now });
      if (applied.applied) emit(effects);
      return applied;
    } finally {
      inFlight--;
    }
  };
}

/** One row always: `known` and `stored` say what became of the webhook; the rest is null unless applied. */
type TStoreAndApplyRow = TInboundRow & { known?: number; stored?: number };

async function storeAndApplyMessage(
  query: TQuery,
  { item, webhook, now }: { item: TInboundItem; webhook: TStoreInline; now: Date },
): Promise<{ applied: TApplied; effects: TEffects }> {
  const messages = [toInboundRowInput(item)];
  const values = [...inboundValues(foldCustomers(messages), messages, now, []), ...inlineWebhookValues(webhook)];
  const rows = await query<TStoreAndApplyRow>(STORE_AND_APPLY_MESSAGE, values);
  const flags = rows[0];
  if (!flags?.known || !flags.stored || flags.messageId === null) {
    const applied = { known: (flags?.known ?? 0) > 0, stored: flags?.stored ?? 0, applied: false };
    return { applied, effects: noEffects() };
  }
  const effects = { ...noEffects(), ...inboundEffects(rows, messages) };
  return { applied: { known: true, stored: 1, applied: true }, effects };
}
