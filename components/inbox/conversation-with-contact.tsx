"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { conversationDetailKey, fetchConversation } from "@/lib/queries/messages";
import { ContactPanel, ContactPanelState } from "@/components/inbox/contact/contact-panel";
import { ConversationView } from "@/components/inbox/thread/conversation-view";

/**
 * The open conversation with the contact panel beside its thread: a right column from `lg`
 * up; on narrower screens the header's "Contact" button opens it over the thread.
 */
export function ConversationWithContact({ conversationId }: { conversationId: string }) {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((v) => !v), []);
  const close = useCallback(() => setOpen(false), []);
  const state = useMemo(() => ({ open, toggle }), [open, toggle]);
  // The same query (and cache entry) as the conversation view's header.
  const conversation = useQuery({
    queryKey: conversationDetailKey(conversationId),
    queryFn: () => fetchConversation(conversationId),
  });
  return (
    <ContactPanelState.Provider value={state}>
      <div className="flex h-full">
        <div className="h-full min-w-0 flex-1">
          <ConversationView conversationId={conversationId} />
        </div>
        {conversation.data && <ContactPanel conversation={conversation.data} open={open} onClose={close} />}
      </div>
    </ContactPanelState.Provider>
  );
}
