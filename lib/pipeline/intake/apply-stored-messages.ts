import type { TEffects } from "../../effects/inbox-effects";
import { foldCustomers } from "./fold-customers";
import { inboundEffects, type TInboundRow } from "./inbound-effects";
import { toInboundRowInput, type TInboundItem } from "./inbound-message";
import { APPLY_STORED_MESSAGES, inboundValues } from "./inbound-statement";
import type { TQuery } from "./query";

/**
 * The intake processor's lane (process-webhooks.ts, apply-messages-directly.ts): stores the
 * messages of claimed webhooks in ONE statement, however many (inbound-statement.ts), which
 * also marks those webhooks DONE, and adds what changed to `effects`.
 */
export async function applyStoredMessages(
  query: TQuery,
  {
    items,
    webhookIds,
    now,
    effects,
  }: { items: readonly TInboundItem[]; webhookIds: readonly string[]; now: Date; effects: TEffects },
): Promise<void> {
  if (items.length === 0) return;
  const messages = items.map(toInboundRowInput);
  const values = inboundValues(foldCustomers(messages), messages, now, webhookIds);
  const rows = await query<TInboundRow>(APPLY_STORED_MESSAGES, values);
  const applied = inboundEffects(rows, messages);
  effects.conversations.push(...applied.conversations);
  effects.createdMessages.push(...applied.createdMessages);
}
