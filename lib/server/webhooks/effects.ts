import type { TMessageView } from "../../messages/schemas";
import type { TConversationSummary } from "../../queries/conversation-types";

/** What a stored webhook changed, to tell the browsers once the transaction has committed. */
export interface TEffects {
  conversations: TConversationSummary[];
  createdMessages: TMessageView[];
  updatedMessages: TMessageView[];
}

export function noEffects(): TEffects {
  return { conversations: [], createdMessages: [], updatedMessages: [] };
}

/** Adds what `from` did to `into` (several transactions' effects announced together). */
export function mergeEffects(into: TEffects, from: TEffects): void {
  into.conversations.push(...from.conversations);
  into.createdMessages.push(...from.createdMessages);
  into.updatedMessages.push(...from.updatedMessages);
}
