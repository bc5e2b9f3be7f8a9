import type { QueryClient } from "@tanstack/react-query";
import type { Socket } from "socket.io-client";
import { ZLabelList } from "@/lib/labels/schemas";
import { contactKeys } from "@/lib/queries/contact";
import { conversationKeys } from "@/lib/queries/conversations";
import { labelKeys } from "@/lib/queries/labels";
import { EVENTS, type TClientToServerEvents, type TServerToClientEvents } from "@/lib/realtime/events";

/**
 * The labels' and the contact panel's live events, on the provider's socket. Returns what
 * stops listening.
 * - labels.changed carries every label: the cache takes it, and lists and open conversations
 *   are fetched again, since the chips they hold may show an old name or colour or a deleted
 *   label (a rename does not move the conversations' updatedAt, so no event could patch them).
 * - contact.updated: the panel showing that conversation's customer fetches the notes again.
 * - a new message (inbox.changed) moves the panel's counts and last contact: fetched again too,
 *   and so is everything the panel shows after a reconnect (events may have been missed).
 */
export function listenToLabelAndContactEvents(
  socket: Socket<TServerToClientEvents, TClientToServerEvents>,
  queryClient: QueryClient,
): () => void {
  const onLabels = (payload: unknown) => {
    const parsed = ZLabelList.safeParse(payload);
    if (parsed.success) queryClient.setQueryData(labelKeys.list(), parsed.data.labels);
    else void queryClient.invalidateQueries({ queryKey: labelKeys.all });
    void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: [...conversationKeys.all, "detail"] });
  };
  const onContact = (payload: { conversationId?: unknown }) => {
    if (typeof payload.conversationId !== "string") return;
    void queryClient.invalidateQueries({ queryKey: contactKeys.ofConversation(payload.conversationId) });
  };
  const onInbox = (change: { created?: unknown }) => {
    if (!Array.isArray(change.created)) return;
    const conversations = new Set<string>();
    for (const message of change.created as { conversationId?: unknown }[]) {
      if (typeof message.conversationId === "string") conversations.add(message.conversationId);
    }
    for (const id of conversations) void queryClient.invalidateQueries({ queryKey: contactKeys.ofConversation(id) });
  };
  let connectedBefore = socket.connected;
  const onConnect = () => {
    if (connectedBefore && !socket.recovered) {
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      void queryClient.invalidateQueries({ queryKey: labelKeys.all });
    }
    connectedBefore = true;
  };
  socket.on(EVENTS.labelsChanged, onLabels);
  socket.on(EVENTS.contactUpdated, onContact);
  socket.on(EVENTS.inboxChanged, onInbox);
  socket.on("connect", onConnect);
  return () => {
    socket.off(EVENTS.labelsChanged, onLabels);
    socket.off(EVENTS.contactUpdated, onContact);
    socket.off(EVENTS.inboxChanged, onInbox);
    socket.off("connect", onConnect);
  };
}
