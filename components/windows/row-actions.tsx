"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { ConfirmTakeOver } from "@/components/inbox/actions/confirm-take-over";
import { actionButton } from "@/components/inbox/actions/styles";
import { ErrorAlert } from "@/components/ui/error-alert";
import { writeConversationDetail } from "@/lib/queries/cache";
import { postAssignee } from "@/lib/queries/conversation-actions";
import { windowKeys } from "@/lib/queries/windows";
import type { TReplyWindowRow } from "@/lib/windows/schemas";
import { OnlineAgentMenu } from "./online-agent-menu";

type TAgent = { id: string; name: string };

/**
 * "Assign to me" and "Assign to…" an online agent, through the inbox's own assignment (the
 * holder the board showed is expected, so a change made meanwhile is refused, not overwritten;
 * taking a conversation someone else holds asks first, as in the inbox).
 */
export function RowActions({ row }: { row: TReplyWindowRow }) {
  const me = useSessionUser();
  const client = useQueryClient();
  const [menu, setMenu] = useState(false);
  const [takeOver, setTakeOver] = useState<TAgent | null>(null);
  const assign = useMutation({
    mutationFn: (agent: TAgent) =>
      postAssignee(row.conversationId, { assigneeId: agent.id, expectedAssigneeId: row.owner?.id ?? null }),
    onSuccess: (conversation) => writeConversationDetail(client, conversation, "answer"),
    onSettled: () => void client.invalidateQueries({ queryKey: windowKeys.board() }),
  });
  const giveTo = (agent: TAgent) => {
    setMenu(false);
    if (row.owner && row.owner.id !== me.id && row.owner.id !== agent.id) setTakeOver(agent);
    else assign.mutate(agent);
  };
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <div className="relative flex gap-2">
        {row.owner?.id !== me.id && (
          <button
            type="button"
            className={actionButton}
            disabled={assign.isPending}
            onClick={() => giveTo({ id: me.id, name: me.name })}
          >
            Assign to me
          </button>
        )}
        <button
          type="button"
          className={actionButton}
          aria-expanded={menu}
          disabled={assign.isPending}
          onClick={() => setMenu(!menu)}
        >
          Assign to…
        </button>
        {menu && (
          <OnlineAgentMenu
            conversationId={row.conversationId}
            ownerId={row.owner?.id ?? null}
            onPick={giveTo}
            onClose={() => setMenu(false)}
          />
        )}
      </div>
      <ErrorAlert error={assign.error} className="text-xs" />
      {takeOver && row.owner && (
        <ConfirmTakeOver
          holderName={row.owner.name}
          toName={takeOver.id === me.id ? "you" : takeOver.name}
          onConfirm={() => {
            assign.mutate(takeOver);
            setTakeOver(null);
          }}
          onCancel={() => setTakeOver(null)}
        />
      )}
    </div>
  );
}
