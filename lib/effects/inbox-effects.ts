import type { TMessageView } from "../../messages/schemas";
import type { TConversationSummary } from "../../conversations/summary";

/** What a stored webhook changed, to tell the browsers once the transaction has committed. */
export interface TEffects {
  conversations: TConversationSummary[];
  createdMessages: TMessageView[];
  updatedMessages: TMessageView[];
  /**
   * The account of each conversation whose messages are here but which is not itself in
   * `conversations` (conversation id → account id), so the change reaches that account's
   * members without a lookup (lib/realtime/emit.ts). Producers that know it note it.
   */
  accounts: Map<string, string>;
}

export function noEffects(): TEffects {
  return { conversations: [], createdMessages: [], updatedMessages: [], accounts: new Map() };
}

/** Adds what `from` did to `into` (several transactions' effects announced together). */
export function mergeEffects(into: TEffects, from: TEffects): void {
  into.conversations.push(...from.conversations);
  into.createdMessages.push(...from.createdMessages);
  into.updatedMessages.push(...from.updatedMessages);
  for (const [conversationId, accountId] of from.accounts) into.accounts.set(conversationId, accountId);
}
