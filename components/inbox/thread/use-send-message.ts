"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSessionUser } from "@/components/auth/session-context";
import { ZOutboundContent, type TOutboundContentInput } from "@/lib/messages/compose-schemas";
import type { TMessageView } from "@/lib/messages/schemas";
import {
  failOptimistic,
  messageKeys,
  optimisticMessage,
  postCancel,
  postMessage,
  postRetry,
  upsertMessage,
  type TMessagePages,
} from "@/lib/queries/messages";

type TSend = { content: TOutboundContentInput; clientId: string; takeBack: boolean };

/**
 * Sends a reply optimistically. The bubble appears at once with a client id; the server's copy
 * (from the request's answer or from the socket event, whichever comes first) replaces it by
 * that id, so neither order shows the message twice. If the request itself fails, the bubble
 * stays, marked failed with the reason, and can be retried: the retry carries the same client
 * id, so if the first request did reach the server, the server answers with that message
 * instead of storing it twice. What happens after (queued, sending, sent, retried by the outbox)
 * arrives by socket.
 */
export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  const user = useSessionUser();
  const key = messageKeys.thread(conversationId);
  const patch = (update: (data: TMessagePages | undefined) => TMessagePages | undefined) =>
    queryClient.setQueryData<TMessagePages>(key, update);

  const send = useMutation({
    mutationFn: ({ content, clientId, takeBack }: TSend) => postMessage(conversationId, content, clientId, takeBack),
    onMutate: ({ content, clientId }) =>
      patch((data) => upsertMessage(data, optimisticMessage(conversationId, content, clientId, user.name))),
    onSuccess: (message) => patch((data) => upsertMessage(data, message)),
    onError: (error, { clientId }) => patch((data) => failOptimistic(data, clientId, error.message)),
  });

  const retry = useMutation({
    mutationFn: (message: TMessageView) => postRetry(message.id),
    onSuccess: (message) => patch((data) => upsertMessage(data, message)),
  });

  const cancel = useMutation({
    mutationFn: (message: TMessageView) => postCancel(message.id),
    onSuccess: (message) => patch((data) => upsertMessage(data, message)),
  });

  return {
    send: (content: TOutboundContentInput, { takeBack }: { takeBack: boolean }) =>
      send.mutate({ content, clientId: crypto.randomUUID(), takeBack }),
    retry: (message: TMessageView) => {
      // A bubble that never reached the server is sent anew; a stored one is retried by id.
      const content = ZOutboundContent.safeParse(message.content);
      if (message.id.startsWith("pending:") && content.success) {
        send.mutate({ content: content.data, clientId: message.clientId ?? crypto.randomUUID(), takeBack: false });
      } else {
        retry.mutate(message);
      }
    },
    retryError: retry.error,
    cancel: (message: TMessageView) => cancel.mutate(message),
    cancelError: cancel.error,
  };
}
