"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { useDismiss } from "@/components/hooks/use-dismiss";
import type { TConversationSummary } from "@/lib/conversations/summary";
import { labelsQuery, setConversationLabel } from "@/lib/queries/labels";
import { writeConversationDetail } from "@/lib/queries/cache";
import { LabelChip, LabelChips } from "./label-chips";

const button =
  "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-50 disabled:opacity-50";

/**
 * The conversation's labels as chips, and the "Labels" menu to put labels on it or take them
 * off: a checkbox per label (Tab and Space), Escape closes it and gives focus back to the button.
 */
export function ConversationLabels({ conversation }: { conversation: TConversationSummary }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const toggle = useRef<HTMLButtonElement | null>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div role="group" aria-label="Conversation labels" className="flex flex-wrap items-center gap-2">
      <LabelChips labels={conversation.labels} className="flex-wrap" />
      <div className="relative">
        <button
          ref={toggle}
          type="button"
          className={button}
          aria-expanded={open}
          aria-controls={open ? menuId : undefined}
          onClick={() => setOpen((v) => !v)}
        >
          Labels
        </button>
        {open && <LabelsMenu id={menuId} conversation={conversation} onClose={close} />}
      </div>
    </div>
  );
}

function LabelsMenu({
  id,
  conversation,
  onClose,
}: {
  id: string;
  conversation: TConversationSummary;
  onClose: () => void;
}) {
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const labels = useQuery(labelsQuery);
  const ref = useDismiss(onClose);
  // The boxes ticked or cleared whose answer has not come yet show the agent's choice meanwhile.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const settle = (labelId: string) =>
    setPending((current) => {
      const next = new Map(current);
      next.delete(labelId);
      return next;
    });
  const set = useMutation({
    mutationFn: ({ labelId, on }: { labelId: string; on: boolean }) =>
      setConversationLabel(conversation.id, labelId, on),
    onSettled: (_answer, _error, { labelId }) => settle(labelId),
    // The list follows through the live event (to every agent at once); the header takes the answer now.
    onSuccess: (updated) => writeConversationDetail(queryClient, updated, "answer"),
  });

  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, [labels.isSuccess, ref]);

  const carried = new Set(conversation.labels.map((label) => label.id));
  return (
    <div
      ref={ref}
      id={id}
      role="group"
      aria-label="Labels of this conversation"
      className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-neutral-200 bg-white p-1 text-sm shadow-lg"
    >
      {labels.isPending && <p className="px-2 py-1.5 text-neutral-500">Loading labels…</p>}
      {labels.isError && <p className="px-2 py-1.5 text-red-800">Labels could not be loaded: {labels.error.message}</p>}
      {labels.data?.length === 0 && (
        <p className="px-2 py-1.5 text-neutral-600">
          No labels yet.{" "}
          {me.role === "admin" ? (
            <Link href="/admin/labels" className="font-medium text-blue-700 underline">
              Create labels
            </Link>
          ) : (
            "An admin creates them."
          )}
        </p>
      )}
      <ul className="max-h-72 overflow-y-auto">
        {labels.data?.map((label) => (
          <li key={label.id}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 hover:bg-neutral-100">
              <input
                type="checkbox"
                checked={pending.get(label.id) ?? carried.has(label.id)}
                // Not disabled while its answer comes (focus would leave the box): a second change waits.
                aria-busy={pending.has(label.id) || undefined}
                onChange={(e) => {
                  if (pending.has(label.id)) return;
                  const on = e.target.checked;
                  // In the click's own render: React Query tells of the mutation a tick later.
                  setPending((current) => new Map(current).set(label.id, on));
                  set.mutate({ labelId: label.id, on });
                }}
              />
              <LabelChip label={label} />
            </label>
          </li>
        ))}
      </ul>
      {set.error && (
        <p role="alert" className="px-2 py-1.5 text-xs text-red-800">
          {set.error.message}
        </p>
      )}
    </div>
  );
}
