"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { clearUnread, conversationKeys, type TConversationPages } from "@/lib/queries/conversations";
import { postRead } from "@/lib/queries/messages";

/** Opening a conversation marks it read for this agent, and the list drops its unread count. */
export function useMarkRead(conversationId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    void postRead(conversationId).then(
      () =>
        queryClient.setQueriesData<TConversationPages>({ queryKey: conversationKeys.lists() }, (data) =>
          clearUnread(data, conversationId),
        ),
      () => {},
    );
  }, [conversationId, queryClient]);
}
