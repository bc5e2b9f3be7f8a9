import { useMutation, useQueryClient, type MutationOptions, type QueryClient } from "@tanstack/react-query";
import type { TConversationSummary } from "../conversations/summary";
import type { TMessageView } from "../messages/schemas";
import { detailFromAnswer, detailFromEvent } from "./conversations";
import {
  conversationDetailKey,
  failOptimistic,
  messageKeys,
  upsertMessage,
  type TMessagePages,
  type TThreadWrite,
} from "./messages";

// The writers that put what the server said (an answer or a live event) into React Query's
// cache, one per kind of thing, over the pure updaters beside each query (upsertMessage,
// detailFromAnswer, …). Mutations and live events both write through here, so an answer and
// the event for the same change land the same way whichever comes first.

/** Changes a conversation's thread, if it is held. */
export function writeThread(
  client: QueryClient,
  conversationId: string,
  update: (data: TMessagePages | undefined) => TMessagePages | undefined,
): void {
  client.setQueryData<TMessagePages>(messageKeys.thread(conversationId), update);
}

/** A message (the server's copy, or this browser's pending bubble) into its thread. */
export function writeMessage(client: QueryClient, message: TMessageView): void {
  writeThread(client, message.conversationId, (data) => upsertMessage(data, message));
}

/**
 * The open conversation's header after a change: from this agent's own write (`answer`: taken
 * unless newer is held, an empty cache filled) or a live event (`event`: only a held copy, only
 * by a newer one). See detailFromAnswer / detailFromEvent.
 */
export function writeConversationDetail(
  client: QueryClient,
  conversation: TConversationSummary,
  from: "answer" | "event",
): void {
  client.setQueryData<TConversationSummary>(conversationDetailKey(conversation.id), (current) =>
    from === "answer" ? detailFromAnswer(current, conversation) : detailFromEvent(current, conversation),
  );
}

/**
 * The one optimistic write into a thread, for replies and notes alike. The bubble shows at once
 * with a client id; the server's copy (the answer or the socket event, whichever comes first)
 * replaces it by that id, so neither order shows it twice. A failed request leaves the bubble
 * marked failed with the reason; a retry that carries the same client id is answered with the
 * stored message if the first request did reach the server, never stored twice.
 */
export function useThreadWrite<TVariables extends { clientId: string }>(
  conversationId: string,
  write: TThreadWrite<TVariables>,
) {
  return useMutation(threadWriteOptions(useQueryClient(), conversationId, write));
}

/** useThreadWrite's mutation, on a given cache (tests run it without React). */
export function threadWriteOptions<TVariables extends { clientId: string }>(
  client: QueryClient,
  conversationId: string,
  { post, bubble }: TThreadWrite<TVariables>,
): MutationOptions<TMessageView, Error, TVariables> {
  return {
    mutationFn: post,
    onMutate: (variables) => writeMessage(client, bubble(variables)),
    onSuccess: (message) => writeMessage(client, message),
    onError: (error, { clientId }) =>
      writeThread(client, conversationId, (data) => failOptimistic(data, clientId, error.message)),
  };
}

/** A write on a stored message (retry, cancel) whose answer is the message as it is now. */
export function useMessageWrite<TVariables>(post: (variables: TVariables) => Promise<TMessageView>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: post, onSuccess: (message) => writeMessage(client, message) });
}
