"use client";

import { useSessionUser } from "@/components/auth/session-context";
import { ZOutboundContent, type TOutboundContentInput } from "@/lib/messages/compose-schemas";
import type { TMessageView } from "@/lib/messages/schemas";
import { useMessageWrite, useThreadWrite } from "@/lib/queries/cache";
import { postCancel, postRetry, replyWrite } from "@/lib/queries/messages";

/**
 * Sends a reply through the one optimistic thread-write (useThreadWrite): the bubble shows at
 * once and the server's copy replaces it by client id. A failed request leaves the bubble
 * marked failed; retrying it carries the same client id, so if the first request did reach the
 * server, the server answers with that message instead of storing it twice. What happens after
 * (queued, sending, sent, retried by the outbox) arrives by socket.
 */
export function useSendMessage(conversationId: string) {
  const user = useSessionUser();
  const send = useThreadWrite(conversationId, replyWrite(conversationId, user.name));
  const retry = useMessageWrite((message: TMessageView) => postRetry(message.id));
  const cancel = useMessageWrite((message: TMessageView) => postCancel(message.id));

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
