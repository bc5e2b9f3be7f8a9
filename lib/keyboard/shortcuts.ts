// The inbox's single-key shortcuts. A key is a shortcut only when the agent is not typing: in a
// text field, a select or an editable area a key is text, and with Ctrl, Alt or Cmd it is the
// browser's or the system's. Escape in a field leaves it, so the shortcuts work again.

export type TShortcutAction = "next" | "previous" | "search" | "reply" | "assign" | "resolve" | "note" | "help";

export interface TShortcut {
  key: string;
  action: TShortcutAction;
  /** What it does, as the "Keyboard shortcuts" dialog lists it. */
  label: string;
}

export const SHORTCUTS: readonly TShortcut[] = [
  { key: "j", action: "next", label: "Next conversation in the list" },
  { key: "k", action: "previous", label: "Previous conversation in the list" },
  { key: "/", action: "search", label: "Search conversations" },
  { key: "r", action: "reply", label: "Write a reply" },
  { key: "a", action: "assign", label: "Assign to me" },
  { key: "e", action: "resolve", label: "Resolve" },
  { key: "n", action: "note", label: "Write a private note" },
  { key: "?", action: "help", label: "Show these shortcuts" },
];

/** The part of a focused element that tells whether keys typed there are text. */
export interface TKeyTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

export interface TKeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** An IME is composing a character: the key belongs to it. */
  isComposing?: boolean;
  target: TKeyTarget | null;
}

// Inputs whose keys are not text: a checkbox or a button takes Space and Enter, not letters.
const NOT_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"]);

/** Is the agent typing in this element (a key pressed there is text, not a shortcut)? */
export function isTypingTarget(target: TKeyTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && !NOT_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
}

/** The shortcut this key press triggers, if any. Shift is allowed (`?` needs it on most layouts). */
export function shortcutFor(press: TKeyPress): TShortcutAction | null {
  if (press.altKey || press.ctrlKey || press.metaKey || press.isComposing) return null;
  if (isTypingTarget(press.target)) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === press.key)?.action ?? null;
}

/** Escape pressed in a field the field did not use itself: leave the field. */
export function leavesField(press: TKeyPress & { defaultPrevented: boolean }): boolean {
  return (
    press.key === "Escape" &&
    !press.defaultPrevented &&
    !press.isComposing &&
    !press.altKey &&
    !press.ctrlKey &&
    !press.metaKey &&
    isTypingTarget(press.target)
  );
}

/**
 * The conversation `step` away from the open one in the list's order: the first when none is
 * open (or the open one is not in the list), nothing past either end.
 */
export function adjacentConversation(ids: readonly string[], openId: string | null, step: 1 | -1): string | null {
  const index = openId === null ? -1 : ids.indexOf(openId);
  if (index === -1) return ids[0] ?? null;
  return ids[index + step] ?? null;
}
