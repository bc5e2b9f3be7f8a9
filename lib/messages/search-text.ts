import type { TMessageKind } from "./schemas";

/**
 * The words a message is found by in search: its text, caption, quick-reply labels, card
 * titles and subtitles, a shared post's title, a file's name. Null when there is nothing to find (a story mention, an unsupported
 * payload, a system line). The migration that added search computes the same for older rows.
 */
export function searchTextOf(kind: TMessageKind, content: Record<string, unknown> | null): string | null {
  if (content === null || kind === "UNSUPPORTED" || kind === "SYSTEM") return null;
  const words: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === "string" && value.trim()) words.push(value.trim());
  };
  add(content.text);
  add(content.caption);
  add(content.label);
  if (kind === "SHARE") add(content.title);
  if (kind === "FILE") add(content.name);
  const card = (value: unknown) => {
    if (value && typeof value === "object") {
      add((value as Record<string, unknown>).header);
      add((value as Record<string, unknown>).text);
    }
  };
  card(content.card);
  if (Array.isArray(content.cards)) content.cards.forEach(card);
  if (Array.isArray(content.quickReplies)) {
    for (const reply of content.quickReplies)
      if (reply && typeof reply === "object") add((reply as { label?: unknown }).label);
  }
  return words.length ? words.join(" ") : null;
}
