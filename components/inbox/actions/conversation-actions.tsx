"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useDismiss } from "@/components/hooks/use-dismiss";
import type { TAssignBody, TStatusBody } from "@/lib/conversations/schemas";
import { snoozeOptions } from "@/lib/conversations/snooze-times";
import {
  assignableAgentsKey,
  fetchAssignableAgents,
  postAssignee,
  postStatus,
} from "@/lib/queries/conversation-actions";
import type { TConversationSummary } from "@/lib/conversations/summary";
import { conversationDetailKey } from "@/lib/queries/messages";
import { detailFromAnswer } from "@/lib/queries/conversations";

const button =
  "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-50 disabled:opacity-50";

/**
 * Who holds the conversation and what state it is in, with the actions on both: Assign to me,
 * assign to someone else (online agents first), unassign; Resolve, Reopen, Snooze. Taking a
 * conversation someone else holds asks first.
 */
export function ConversationActions({ conversation }: { conversation: TConversationSummary }) {
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const [menu, setMenu] = useState<"assign" | "snooze" | null>(null);
  const [confirm, setConfirm] = useState<{ id: string; name: string } | null>(null);
  const holder = conversation.assignee;

  const show = (updated: TConversationSummary) =>
    queryClient.setQueryData<TConversationSummary>(conversationDetailKey(updated.id), (current) =>
      detailFromAnswer(current, updated),
    );
  const assign = useMutation({
    mutationFn: (body: TAssignBody) => postAssignee(conversation.id, body),
    onSuccess: show,
    onError: () => void queryClient.invalidateQueries({ queryKey: conversationDetailKey(conversation.id) }),
  });
  const status = useMutation({
    mutationFn: (body: TStatusBody) => postStatus(conversation.id, body),
    onSuccess: show,
  });
  const error = assign.error ?? status.error;

  const giveTo = (agent: { id: string; name: string } | null) => {
    setMenu(null);
    if (agent && holder && holder.id !== agent.id && holder.id !== me.id) {
      setConfirm(agent);
      return;
    }
    assign.mutate({ assigneeId: agent?.id ?? null, expectedAssigneeId: holder?.id ?? null });
  };

  return (
    <div className="mt-2 flex flex-wrap items-center gap-2" role="group" aria-label="Conversation actions">
      <p className="text-xs text-neutral-600">
        {holder ? (
          <>
            Assigned to{" "}
            <strong className="font-medium text-neutral-900">{holder.id === me.id ? "you" : holder.name}</strong>
          </>
        ) : (
          "Unassigned"
        )}
        {conversation.status === "SNOOZED" && conversation.snoozedUntil && (
          <> · Snoozed until {new Date(conversation.snoozedUntil).toLocaleString(undefined, TIME_FORMAT)}</>
        )}
        {conversation.status === "RESOLVED" && <> · Resolved</>}
      </p>
      {holder?.id !== me.id && (
        <button
          type="button"
          className={button}
          disabled={assign.isPending}
          aria-keyshortcuts="a"
          onClick={() => giveTo({ id: me.id, name: me.name })}
        >
          Assign to me
        </button>
      )}
      <div className="relative">
        <button
          type="button"
          className={button}
          aria-expanded={menu === "assign"}
          aria-haspopup="true"
          onClick={() => setMenu(menu === "assign" ? null : "assign")}
        >
          Assign…
        </button>
        {menu === "assign" && (
          <AssignMenu
            conversationId={conversation.id}
            holderId={holder?.id ?? null}
            onPick={giveTo}
            onClose={() => setMenu(null)}
          />
        )}
      </div>
      {conversation.status !== "RESOLVED" && (
        <button
          type="button"
          className={button}
          disabled={status.isPending}
          aria-keyshortcuts="e"
          onClick={() => status.mutate({ status: "RESOLVED" })}
        >
          Resolve
        </button>
      )}
      {conversation.status !== "OPEN" && (
        <button
          type="button"
          className={button}
          disabled={status.isPending}
          onClick={() => status.mutate({ status: "OPEN" })}
        >
          Reopen
        </button>
      )}
      <div className="relative">
        <button
          type="button"
          className={button}
          aria-expanded={menu === "snooze"}
          aria-haspopup="true"
          onClick={() => setMenu(menu === "snooze" ? null : "snooze")}
        >
          Snooze
        </button>
        {menu === "snooze" && (
          <SnoozeMenu
            onPick={(until) => {
              setMenu(null);
              status.mutate({ status: "SNOOZED", until: until.toISOString() });
            }}
            onClose={() => setMenu(null)}
          />
        )}
      </div>
      {error && (
        <p role="alert" className="w-full text-xs text-red-800">
          {error.message}
        </p>
      )}
      {confirm && holder && (
        <ConfirmTakeOver
          holderName={holder.name}
          toName={confirm.id === me.id ? "you" : confirm.name}
          onConfirm={() => {
            assign.mutate({ assigneeId: confirm.id, expectedAssigneeId: holder.id });
            setConfirm(null);
          }}
          onCancel={() => setConfirm(null)}
        />
      )}
    </div>
  );
}

const TIME_FORMAT: Intl.DateTimeFormatOptions = { weekday: "short", hour: "2-digit", minute: "2-digit" };

const menuClass =
  "absolute left-0 z-20 mt-1 w-60 rounded-md border border-neutral-200 bg-white p-1 text-sm shadow-lg focus:outline-none";

function AssignMenu({
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

function SnoozeMenu({ onPick, onClose }: { onPick: (until: Date) => void; onClose: () => void }) {
  const ref = useDismiss(onClose);
  const [now] = useState(() => new Date());
  const [custom, setCustom] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  return (
    <div ref={ref} className={menuClass} role="group" aria-label="Snooze until">
      <ul>
        {snoozeOptions(now).map((option) => (
          <li key={option.label}>
            <button
              type="button"
              onClick={() => onPick(option.until)}
              className="flex w-full justify-between rounded px-2 py-1.5 text-left hover:bg-neutral-100"
            >
              <span>{option.label}</span>
              <span className="text-xs text-neutral-500">{option.until.toLocaleString(undefined, TIME_FORMAT)}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="mt-1 flex flex-col gap-1 border-t border-neutral-100 px-2 pt-2 pb-1"
        onSubmit={(e) => {
          e.preventDefault();
          const until = new Date(custom);
          if (!custom || Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) {
            setInvalid("Pick a time in the future.");
            return;
          }
          onPick(until);
        }}
      >
        <label className="text-xs text-neutral-600">
          Custom time
          <input
            type="datetime-local"
            value={custom}
            onChange={(e) => {
              setCustom(e.target.value);
              setInvalid(null);
            }}
            className="mt-0.5 w-full rounded border border-neutral-300 px-1.5 py-1 text-sm"
          />
        </label>
        {invalid && (
          <p role="alert" className="text-xs text-red-800">
            {invalid}
          </p>
        )}
        <button type="submit" className={button}>
          Snooze until then
        </button>
      </form>
    </div>
  );
}

function ConfirmTakeOver({
  holderName,
  toName,
  onConfirm,
  onCancel,
}: {
  holderName: string;
  toName: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ModalDialog labelledBy="take-over-title" onCancel={onCancel} className="w-80">
      <h3 id="take-over-title" className="font-semibold">
        {holderName} holds this conversation
      </h3>
      <p className="mt-1 text-sm text-neutral-600">
        Assign it to {toName} instead? {holderName} will see the change at once.
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={button} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="rounded-md bg-blue-600 px-2.5 py-1 text-sm font-medium text-white hover:bg-blue-700"
          onClick={onConfirm}
        >
          Reassign
        </button>
      </div>
    </ModalDialog>
  );
}
