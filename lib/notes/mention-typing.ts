// The `@name` being typed in the note composer, for its list of agents to mention. Pure.

import { EMAIL_CHAR } from "./mentions";

/** How far back from the caret a name being typed may start ("@Sam Lee" holds a space). */
const MAX_QUERY = 40;

/**
 * The mention being typed just before the caret: where its "@" is and what follows it, or
 * null when the caret is not in one (no "@", an email, a line break in between).
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const start = text.lastIndexOf("@", caret - 1);
  if (start === -1 || caret - start - 1 > MAX_QUERY) return null;
  const before = text[start - 1];
  if (before !== undefined && EMAIL_CHAR.test(before)) return null;
  const query = text.slice(start + 1, caret);
  if (/[\n@]/.test(query) || query.startsWith(" ")) return null;
  return { start, query };
}

/** The agents whose name starts with what was typed (case aside), at most `limit`. */
export function matchingAgents<T extends { name: string }>(agents: readonly T[], query: string, limit = 6): T[] {
  const typed = query.toLowerCase();
  return agents.filter((agent) => agent.name.toLowerCase().startsWith(typed)).slice(0, limit);
}

/** The text with the mention being typed replaced by `@name `, and where the caret goes. */
export function insertMention(
  text: string,
  { start, caret }: { start: number; caret: number },
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}
