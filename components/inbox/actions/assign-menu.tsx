"use client";

import { useQuery } from "@tanstack/react-query";
import { useDismiss } from "@/components/hooks/use-dismiss";
import { assignableAgentsKey, fetchAssignableAgents } from "@/lib/queries/conversation-actions";
import { menuClass } from "./styles";

/** The agents who can see the conversation, online ones marked; Unassign when someone holds it. */
export function AssignMenu({
  conversationId,
  holderId,
  onPick,
  onClose,
}: {
  conversationId: string;
  holderId: string | null;
  onPick: (agent: { id: string; name: string } | null) => void;
  onClose: () => void;
}) {
  const ref = useDismiss(onClose);
  const agents = useQuery({
    queryKey: assignableAgentsKey(conversationId),
    queryFn: () => fetchAssignableAgents(conversationId),
  });
  return (
    <div ref={ref} className={menuClass} role="group" aria-label="Assign to">
      {agents.isPending && <p className="px-2 py-1.5 text-neutral-500">Loading agents…</p>}
      {agents.isError && <p className="px-2 py-1.5 text-red-800">Agents could not be loaded: {agents.error.message}</p>}
      {agents.data?.agents.length === 0 && (
        <p className="px-2 py-1.5 text-neutral-500">No agent can see this account.</p>
      )}
      <ul>
        {agents.data?.agents.map((agent) => (
          <li key={agent.id}>
            <button
              type="button"
              disabled={agent.id === holderId}
              aria-label={`Assign to ${agent.name}${agent.online ? " (online)" : ""}`}
              onClick={() => onPick(agent)}
              className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left hover:bg-neutral-100 disabled:text-neutral-400"
            >
              <span aria-hidden className={`size-2 rounded-full ${agent.online ? "bg-green-500" : "bg-neutral-300"}`} />
              <span className="flex-1 truncate">{agent.name}</span>
              <span className="text-xs text-neutral-500">{agent.online ? "online" : "offline"}</span>
            </button>
          </li>
        ))}
      </ul>
      {holderId && (
        <button
          type="button"
          onClick={() => onPick(null)}
          className="mt-1 w-full rounded border-t border-neutral-100 px-2 py-1.5 text-left text-red-800 hover:bg-red-50"
        >
          Unassign
        </button>
      )}
    </div>
  );
}
