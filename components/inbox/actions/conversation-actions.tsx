"use client";

import { useState, type ReactNode } from "react";
import type { TConversationSummary } from "@/lib/conversations/summary";
import { AssignMenu } from "./assign-menu";
import { ConfirmTakeOver } from "./confirm-take-over";
import { SnoozeMenu } from "./snooze-menu";
import { actionButton, TIME_FORMAT } from "./styles";
import { useConversationActions } from "./use-conversation-actions";

/**
 * Who holds the conversation and what state it is in, with the actions on both: Assign to me,
 * assign to someone else (online agents first), unassign; Resolve, Reopen, Snooze. Taking a
 * conversation someone else holds asks first.
 */
export function ConversationActions({ conversation }: { conversation: TConversationSummary }) {
  const actions = useConversationActions(conversation);
  const { me, holder, assign, status, error, takeOver } = actions;
  const [menu, setMenu] = useState<"assign" | "snooze" | null>(null);
  const toggle = (which: "assign" | "snooze") => setMenu(menu === which ? null : which);
  const close = () => setMenu(null);
  const giveTo = (agent: { id: string; name: string } | null) => {
    close();
    actions.giveTo(agent);
  };

  return (
    <div className="mt-2 flex flex-wrap items-center gap-2" role="group" aria-label="Conversation actions">
      <HolderLine conversation={conversation} meId={me.id} />
      {holder?.id !== me.id && (
        <button
          type="button"
          className={actionButton}
          disabled={assign.isPending}
          aria-keyshortcuts="a"
          onClick={() => giveTo({ id: me.id, name: me.name })}
        >
          Assign to me
        </button>
      )}
      <MenuButton label="Assign…" open={menu === "assign"} onToggle={() => toggle("assign")}>
        <AssignMenu conversationId={conversation.id} holderId={holder?.id ?? null} onPick={giveTo} onClose={close} />
      </MenuButton>
      {conversation.status !== "RESOLVED" && (
        <button
          type="button"
          className={actionButton}
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
          className={actionButton}
          disabled={status.isPending}
          onClick={() => status.mutate({ status: "OPEN" })}
        >
          Reopen
        </button>
      )}
      <MenuButton label="Snooze" open={menu === "snooze"} onToggle={() => toggle("snooze")}>
        <SnoozeMenu
          onPick={(until) => {
            close();
            status.mutate({ status: "SNOOZED", until: until.toISOString() });
          }}
          onClose={close}
        />
      </MenuButton>
      {error && (
        <p role="alert" className="w-full text-xs text-red-800">
          {error.message}
        </p>
      )}
      {takeOver && holder && (
        <ConfirmTakeOver
          holderName={holder.name}
          toName={takeOver.id === me.id ? "you" : takeOver.name}
          onConfirm={actions.confirmTakeOver}
          onCancel={actions.cancelTakeOver}
        />
      )}
    </div>
  );
}

/** "Assigned to you", "Assigned to Sam" or "Unassigned", and whether it is snoozed or resolved. */
function HolderLine({ conversation, meId }: { conversation: TConversationSummary; meId: string }) {
  const holder = conversation.assignee;
  return (
    <p className="text-xs text-neutral-600">
      {holder ? (
        <>
          Assigned to{" "}
          <strong className="font-medium text-neutral-900">{holder.id === meId ? "you" : holder.name}</strong>
        </>
      ) : (
        "Unassigned"
      )}
      {conversation.status === "SNOOZED" && conversation.snoozedUntil && (
        <> · Snoozed until {new Date(conversation.snoozedUntil).toLocaleString(undefined, TIME_FORMAT)}</>
      )}
      {conversation.status === "RESOLVED" && <> · Resolved</>}
    </p>
  );
}

/** A button that opens its menu below it; the menu closes itself (Escape, a click outside). */
function MenuButton({
  label,
  open,
  onToggle,
  children,
}: {
  label: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <div className="relative">
      <button type="button" className={actionButton} aria-expanded={open} aria-haspopup="true" onClick={onToggle}>
        {label}
      </button>
      {open && children}
    </div>
  );
}
