// `@name` in a private note: which of the team's agents it names. Pure, shared by the server
// (which stores and notifies the mentions) and the browser (which highlights them).

export interface TMentionable {
  id: string;
  name: string;
}

/** One `@name` found in a text: where it is (the "@" included) and whom it names. */
export interface TMentionSpan {
  start: number;
  end: number;
  userId: string;
  name: string;
}

/** A letter, digit or mark: a name may not stop inside a word, an "@" after one is an email. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/** Characters that belong to an email's local part too ("first.last@shop.com", "a-b@c.de"). */
export const EMAIL_CHAR = /[\p{L}\p{N}\p{M}_.+-]/u;

/**
 * Every `@name` in `text` that names one of `agents`, in order. Case does not matter; names may
 * hold spaces ("@Sam Lee"); when several names fit ("Sam" and "Sam Lee"), the longest wins; a
 * name must end where a word ends ("@Samuel" is not Sam). An "@" inside a word is an email
 * (a@b.com), never a mention.
 */
export function findMentionSpans(text: string, agents: readonly TMentionable[]): TMentionSpan[] {
  const candidates = agents
    .map((agent) => ({ agent, key: fold(agent.name.trim()) }))
    .filter((c) => c.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const spans: TMentionSpan[] = [];
  if (candidates.length === 0) return spans;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    const before = text[at - 1];
    if (before !== undefined && EMAIL_CHAR.test(before)) continue;
    const match = candidates.find(({ key }) => {
      const end = at + 1 + key.length;
      const after = text[end];
      return fold(text.slice(at + 1, end)) === key && (after === undefined || !WORD_CHAR.test(after));
    });
    if (!match) continue;
    const end = at + 1 + match.key.length;
    spans.push({ start: at, end, userId: match.agent.id, name: match.agent.name });
    at = end - 1;
  }
  return spans;
}

/** The agents `text` mentions, each once, in the order first mentioned. */
export function findMentions(text: string, agents: readonly TMentionable[]): { userId: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const span of findMentionSpans(text, agents)) {
    if (!seen.has(span.userId)) seen.set(span.userId, span.name);
  }
  return [...seen].map(([userId, name]) => ({ userId, name }));
}

/**
 * Case folding that keeps the length of the text (so positions found in the folded text are
 * positions in the original): characters whose lower case is longer ("İ") are kept as they are.
 */
function fold(value: string): string {
  let folded = "";
  for (const char of value) {
    const lower = char.toLowerCase();
    folded += lower.length === char.length ? lower : char;
  }
  return folded;
}
