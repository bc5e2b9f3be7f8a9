"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import type { TAssignBody, TStatusBody } from "@/lib/conversations/schemas";
import type { TConversationSummary } from "@/lib/conversations/summary";
import { postAssignee, postStatus } from "@/lib/queries/conversation-actions";
import { writeConversationDetail } from "@/lib/queries/cache";
import { conversationDetailKey } from "@/lib/queries/messages";

type TAgent = { id: string; name: string };

/**
 * Assigning and changing the status of a conversation. `giveTo` asks first (`takeOver`) when
 * the conversation is someone else's and goes to a third person; the assignment names the
 * holder it expects, so a change made meanwhile by another agent is refused, not overwritten.
 */
export function useConversationActions(conversation: TConversationSummary) {
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const [takeOver, setTakeOver] = useState<TAgent | null>(null);
  const holder = conversation.assignee;

  const show = (updated: TConversationSummary) => writeConversationDetail(queryClient, updated, "answer");
  const assign = useMutation({
    mutationFn: (body: TAssignBody) => postAssignee(conversation.id, body),
    onSuccess: show,
    onError: () => void queryClient.invalidateQueries({ queryKey: conversationDetailKey(conversation.id) }),
  });
  const status = useMutation({
    mutationFn: (body: TStatusBody) => postStatus(conversation.id, body),
    onSuccess: show,
  });

  const giveTo = (agent: TAgent | null) => {
    if (agent && holder && holder.id !== agent.id && holder.id !== me.id) {
      setTakeOver(agent);
      return;
    }
    assign.mutate({ assigneeId: agent?.id ?? null, expectedAssigneeId: holder?.id ?? null });
  };
  const confirmTakeOver = () => {
    if (!takeOver || !holder) return;
    assign.mutate({ assigneeId: takeOver.id, expectedAssigneeId: holder.id });
    setTakeOver(null);
  };

  return {
    me,
    holder,
    assign,
    status,
    error: assign.error ?? status.error,
    giveTo,
    takeOver,
    confirmTakeOver,
    cancelTakeOver: () => setTakeOver(null),
  };
}
