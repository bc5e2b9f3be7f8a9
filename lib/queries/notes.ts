import { z } from "zod";
import { fetchJson } from "../http/fetch-json";
import { ZMessageView, type TMessageView } from "../messages/schemas";
import { UNSTORED_SEQ } from "../messages/thread-order";

/** Adds a private note to a conversation's thread (never sent to the customer). */
export function postNote(conversationId: string, text: string, clientId: string): Promise<TMessageView> {
  return fetchJson(
    `/api/conversations/${encodeURIComponent(conversationId)}/notes`,
    z.object({ message: ZMessageView }),
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, clientId }),
    },
  ).then((r) => r.message);
}

/**
 * The note's bubble the moment the agent presses Enter. Its mentions are worked out by the
 * server (who may see the conversation), so it shows none until the server's copy replaces it.
 */
export function optimisticNote(
  conversationId: string,
  text: string,
  clientId: string,
  authorName: string,
): TMessageView {
  const now = new Date().toISOString();
  return {
    id: `pending:${clientId}`,
    conversationId,
    direction: "INTERNAL",
    kind: "NOTE",
    content: { text, mentions: [] },
    deleted: false,
    status: "SENDING",
    statusReason: null,
    retryable: false,
    attempts: 0,
    nextAttemptAt: null,
    maybeDuplicate: false,
    authorName,
    sentAt: now,
    seq: UNSTORED_SEQ,
    updatedAt: "",
    clientId,
  };
}
