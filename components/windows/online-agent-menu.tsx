"use client";

import { useQuery } from "@tanstack/react-query";
import { useDismiss } from "@/components/hooks/use-dismiss";
import { assignableAgentsKey, fetchAssignableAgents } from "@/lib/queries/conversation-actions";

/** The agents online now who can see this conversation (the inbox's own list, online ones only). */
export function OnlineAgentMenu({
  conversationId,
  ownerId,
  onPick,
  onClose,
}: {
  conversationId: string;
  ownerId: string | null;
  onPick: (agent: { id: string; name: string }) => void;
  onClose: () => void;
}) {
  const ref = useDismiss(onClose);
  const agents = useQuery({
    queryKey: assignableAgentsKey(conversationId),
    queryFn: () => fetchAssignableAgents(conversationId),
  });
  const online = agents.data?.agents.filter((agent) => agent.online) ?? [];
  return (
    <div
      ref={ref}
      role="group"
      aria-label="Assign to an online agent"
      className="absolute top-full left-0 z-20 mt-1 w-56 sm:right-0 sm:left-auto rounded-md border border-neutral-200 bg-white p-1 text-sm shadow-lg"
    >
      {agents.isPending && <p className="px-2 py-1.5 text-neutral-600">Loading agents…</p>}
      {agents.isError && <p className="px-2 py-1.5 text-red-800">Agents could not be loaded: {agents.error.message}</p>}
      {agents.isSuccess && online.length === 0 && <p className="px-2 py-1.5 text-neutral-600">No agent is online.</p>}
      <ul>
        {online.map((agent) => (
          <li key={agent.id}>
            <button
              type="button"
              disabled={agent.id === ownerId}
              onClick={() => onPick(agent)}
              className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left hover:bg-neutral-100 disabled:text-neutral-500"
            >
              <span aria-hidden className="size-2 rounded-full bg-green-500" />
              <span className="flex-1 truncate">{agent.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
