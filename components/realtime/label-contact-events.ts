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
 * A new message and a reconnect are the provider's own events (realtime-provider.tsx).
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
    void queryClient.invalidateQueries({ queryKey: conversationKeys.details() });
  };
  const onContact = (payload: { conversationId?: unknown }) => {
    if (typeof payload.conversationId !== "string") return;
    void queryClient.invalidateQueries({ queryKey: contactKeys.ofConversation(payload.conversationId) });
  };
  socket.on(EVENTS.labelsChanged, onLabels);
  socket.on(EVENTS.contactUpdated, onContact);
  return () => {
    socket.off(EVENTS.labelsChanged, onLabels);
    socket.off(EVENTS.contactUpdated, onContact);
  };
}
