"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useOpenConversationRef } from "@/components/realtime/open-conversation";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { SHORTCUTS, adjacentConversation, leavesField, shortcutFor } from "@/lib/keyboard/shortcuts";
import { conversationKeys, type TConversationPages } from "@/lib/queries/conversations";
import { useListFilters } from "@/components/inbox/list/use-list-filters";

/**
 * The inbox's keyboard shortcuts (lib/keyboard/shortcuts.ts) and the button that lists them.
 * Mounted once beside the list.
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  useKeyboardShortcuts({ onHelp: () => setOpen(true) });
  return (
    <>
      <button
        type="button"
        aria-keyshortcuts="?"
        onClick={() => setOpen(true)}
        className="rounded-md px-2 py-1 text-xs font-medium text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900"
      >
        Keyboard shortcuts
      </button>
      {open && <KeyboardShortcutsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Listens for the shortcuts on the whole page. Each one that stands for a control presses or
 * focuses the control declaring it with `aria-keyshortcuts` (so a screen reader announces the
 * key on that control, and the shortcut does exactly what the control does: "Assign to me" still
 * asks before taking a conversation someone else holds).
 */
export function useKeyboardShortcuts({ onHelp }: { onHelp: () => void }) {
  const router = useRouter();
  const open = useOpenConversationRef();
  const queryClient = useQueryClient();
  const { filters, hrefFor } = useListFilters();
  const latest = useRef({ onHelp, filters, hrefFor });
  useEffect(() => {
    latest.current = { onHelp, filters, hrefFor };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const press = {
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        isComposing: event.isComposing,
        target,
      };
      if (leavesField({ ...press, defaultPrevented: event.defaultPrevented })) {
        target?.blur();
        return;
      }
      // A modal dialog (this one, a confirmation) has the keys to itself.
      if (event.defaultPrevented || target?.closest("dialog, [role=dialog], [role=alertdialog]")) return;
      if (document.querySelector("dialog:modal")) return;
      const action = shortcutFor(press);
      if (!action) return;
      const { onHelp, filters, hrefFor } = latest.current;
      let done = false;
      if (action === "next" || action === "previous") {
        // The list's current order, as the list shows it (its React Query cache).
        const pages = queryClient.getQueryData<TConversationPages>(conversationKeys.list(filters));
        const ids = pages?.pages.flatMap((page) => page.conversations.map((c) => c.id)) ?? [];
        const id = adjacentConversation(ids, open.current, action === "next" ? 1 : -1);
        if (id) router.push(hrefFor(`/c/${id}`));
        done = id !== null;
      } else if (action === "help") {
        onHelp();
        done = true;
      } else {
        const key = SHORTCUTS.find((shortcut) => shortcut.action === action)?.key ?? "";
        done = activateControl(key);
      }
      // Handled: the key must not also type into the field it just focused.
      if (done) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [queryClient, router, open]);
}

/** Focuses (a field) or presses (a button) the visible, enabled control declaring this key. */
function activateControl(key: string): boolean {
  const candidates = document.querySelectorAll<HTMLElement>(`[aria-keyshortcuts="${CSS.escape(key)}"]`);
  const control = [...candidates].find(
    (element) => element.getClientRects().length > 0 && !element.matches(":disabled"),
  );
  if (!control) return false;
  if (control.matches("input, textarea, select, [contenteditable]")) control.focus();
  else control.click();
  return true;
}

/** Every shortcut, in a modal dialog: Escape or Close closes it, and focus returns where it was. */
export function KeyboardShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog labelledBy="shortcuts-title" onCancel={onClose} className="w-[min(24rem,calc(100vw-2rem))]">
      <h2 id="shortcuts-title" className="font-semibold">
        Keyboard shortcuts
      </h2>
      <p className="mt-1 text-sm text-neutral-600">They work whenever you are not typing in a field.</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {[...SHORTCUTS, { key: "Esc", label: "Leave the field you are typing in" }].map((shortcut) => (
          <div key={shortcut.key} className="contents">
            <dt>
              <kbd className="rounded border border-neutral-300 bg-neutral-50 px-1.5 font-mono text-xs text-neutral-900">
                {shortcut.key}
              </kbd>
            </dt>
            <dd className="text-neutral-800">{shortcut.label}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <button
          type="button"
          onClick={onClose}
          className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium text-neutral-800 hover:bg-neutral-50"
        >
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
