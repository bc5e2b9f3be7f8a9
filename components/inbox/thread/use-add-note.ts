"use client";

import { useSessionUser } from "@/components/auth/session-context";
import { ZNoteContent, type TMessageView } from "@/lib/messages/schemas";
import { useThreadWrite } from "@/lib/queries/cache";
import { noteWrite } from "@/lib/queries/notes";

/**
 * Adds a private note through the same optimistic thread-write as replies (useSendMessage):
 * the bubble shows at once, the server's copy replaces it by client id, and a retry of a failed
 * one carries the same client id, so a note that did reach the server is not stored twice.
 */
export function useAddNote(conversationId: string) {
  const user = useSessionUser();
  const add = useThreadWrite(conversationId, noteWrite(conversationId, user.name));
  return {
    add: (text: string) => add.mutate({ text, clientId: crypto.randomUUID() }),
    retry: (note: TMessageView) => {
      const content = ZNoteContent.safeParse(note.content);
      if (!content.success || !note.clientId) return;
      add.mutate({ text: content.data.text, clientId: note.clientId });
    },
  };
}
