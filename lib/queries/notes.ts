import { sendJson } from "../http/fetch-json";
import { ZMessageAnswer, type TMessageView } from "../messages/schemas";
import { pendingMessage, type TThreadWrite } from "./messages";

/** Adds a private note to a conversation's thread (never sent to the customer). */
export function postNote(conversationId: string, text: string, clientId: string): Promise<TMessageView> {
  return sendJson("POST", `/api/conversations/${encodeURIComponent(conversationId)}/notes`, ZMessageAnswer, {
    text,
    clientId,
  }).then((r) => r.message);
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
  return pendingMessage({
    conversationId,
    direction: "INTERNAL",
    kind: "NOTE",
    content: { text, mentions: [] },
    clientId,
    authorName,
  });
}

/** A note as the one optimistic thread-write sends it (useThreadWrite in ./cache), as replies are. */
export function noteWrite(
  conversationId: string,
  authorName: string,
): TThreadWrite<{ text: string; clientId: string }> {
  return {
    post: ({ text, clientId }) => postNote(conversationId, text, clientId),
    bubble: ({ text, clientId }) => optimisticNote(conversationId, text, clientId, authorName),
  };
}
