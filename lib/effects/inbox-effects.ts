import type { TMessageView } from "../messages/schemas";
import type { TConversationSummary } from "../conversations/summary";

/**
 * What a change did to the inbox (conversations and messages), to tell the browsers once its
 * transaction has committed: the one effect stored webhooks, sends and team actions all produce.
 */
export interface TEffects {
  kind: "inbox";
  conversations: TConversationSummary[];
  createdMessages: TMessageView[];
  updatedMessages: TMessageView[];
  /**
   * The account of each conversation whose messages are here but which is not itself in
   * `conversations` (conversation id → account id), so the change reaches that account's
   * members without a lookup (lib/realtime/server/emit.ts). Producers that know it note it.
   */
  accounts: Map<string, string>;
}

export function noEffects(): TEffects {
  return { kind: "inbox", conversations: [], createdMessages: [], updatedMessages: [], accounts: new Map() };
}

/** The effects of one message changed in place (cancelled, retried), with its conversation's account. */
export function messageUpdated(message: TMessageView, accountId: string): TEffects {
  const effects = noEffects();
  effects.updatedMessages.push(message);
  effects.accounts.set(message.conversationId, accountId);
  return effects;
}

/** Adds what `from` did to `into` (several transactions' effects announced together). */
export function mergeEffects(into: TEffects, from: TEffects): void {
  into.conversations.push(...from.conversations);
  into.createdMessages.push(...from.createdMessages);
  into.updatedMessages.push(...from.updatedMessages);
  for (const [conversationId, accountId] of from.accounts) into.accounts.set(conversationId, accountId);
}
