"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSessionUser } from "@/components/auth/session-context";
import { ZNoteContent, type TMessageView } from "@/lib/messages/schemas";
import { failOptimistic, messageKeys, upsertMessage, type TMessagePages } from "@/lib/queries/messages";
import { optimisticNote, postNote } from "@/lib/queries/notes";

/**
 * Adds a private note optimistically, as replies are sent (see useSendMessage): the bubble
 * shows at once with a client id, and the server's copy — from the answer or the socket
 * event, whichever comes first — replaces it by that id. A failed request leaves the bubble
 * marked failed; its retry carries the same client id, so a note that did reach the server is
 * not stored twice.
 */
export function useAddNote(conversationId: string) {
  const queryClient = useQueryClient();
  const user = useSessionUser();
  const key = messageKeys.thread(conversationId);
  const patch = (update: (data: TMessagePages | undefined) => TMessagePages | undefined) =>
    queryClient.setQueryData<TMessagePages>(key, update);

  const add = useMutation({
    mutationFn: ({ text, clientId }: { text: string; clientId: string }) => postNote(conversationId, text, clientId),
    onMutate: ({ text, clientId }) =>
      patch((data) => upsertMessage(data, optimisticNote(conversationId, text, clientId, user.name))),
    onSuccess: (message) => patch((data) => upsertMessage(data, message)),
    onError: (error, { clientId }) => patch((data) => failOptimistic(data, clientId, error.message)),
  });

  return {
    add: (text: string) => add.mutate({ text, clientId: crypto.randomUUID() }),
    retry: (note: TMessageView) => {
      const content = ZNoteContent.safeParse(note.content);
      if (!content.success || !note.clientId) return;
      add.mutate({ text: content.data.text, clientId: note.clientId });
    },
  };
}
