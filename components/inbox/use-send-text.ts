"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSessionUser } from "@/components/auth/session-context";
import {
  messageKeys,
  optimisticText,
  postRetry,
  postText,
  upsertMessage,
  failOptimistic,
  type TMessagePages,
} from "@/lib/queries/messages";
import type { TMessageView } from "@/lib/messages/schemas";

/**
 * Sends a text reply optimistically. The bubble appears at once with a client id; the
 * server's copy (from the request's answer or from the socket event, whichever comes first)
 * replaces it by that id, so neither order shows the message twice. If the request itself
 * fails, the bubble stays, marked failed with the reason, and can be retried.
 */
export function useSendText(conversationId: string) {
  const queryClient = useQueryClient();
  const user = useSessionUser();
  const key = messageKeys.thread(conversationId);
  const patch = (update: (data: TMessagePages | undefined) => TMessagePages | undefined) =>
    queryClient.setQueryData<TMessagePages>(key, update);

  const send = useMutation({
    mutationFn: ({ text, clientId, takeBack }: { text: string; clientId: string; takeBack: boolean }) =>
      postText(conversationId, text, clientId, takeBack),
    onMutate: ({ text, clientId }) =>
      patch((data) => upsertMessage(data, optimisticText(conversationId, text, clientId, user.name))),
    onSuccess: (message) => patch((data) => upsertMessage(data, message)),
    onError: (error, { clientId }) => patch((data) => failOptimistic(data, clientId, error.message)),
  });

  const retry = useMutation({
    mutationFn: (message: TMessageView) => postRetry(message.id),
    onSuccess: (message) => patch((data) => upsertMessage(data, message)),
  });

  return {
    send: (text: string, { takeBack }: { takeBack: boolean }) =>
      send.mutate({ text, clientId: crypto.randomUUID(), takeBack }),
    retry: (message: TMessageView) => {
      // A bubble that never reached the server is sent anew; a stored one is retried by id.
      if (message.id.startsWith("pending:")) {
        send.mutate({
          text: String(message.content?.text ?? ""),
          clientId: message.clientId ?? crypto.randomUUID(),
          takeBack: false,
        });
      } else {
        retry.mutate(message);
      }
    },
    retryError: retry.error,
  };
}
