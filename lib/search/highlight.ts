import { foldForSearch } from "./fold";

// Which words of a text a search matched, for highlighting (the browser) and for cutting a
// snippet around the first match (the server). Pure: no HTML is built here, the browser wraps
// the matched segments in <mark> elements.

export interface TSegment {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * The database's terms can hold punctuation ("jane.doe", "chocolate-ca"); the text's words are
 * compared with their parts. A one-letter part matches only a whole word, as in the query.
 */
function termParts(terms: readonly string[]): string[] {
  return [...new Set(terms.flatMap((term) => foldForSearch(term).split(NOT_WORD)))].filter(Boolean);
}

function isMatch(word: string, parts: readonly string[]): boolean {
  const folded = foldForSearch(word);
  return parts.some((part) => (part.length === 1 ? folded === part : folded.startsWith(part)));
}

/** The text cut into matched and unmatched segments, in order; joined, they give the text back. */
export function splitHighlights(text: string, terms: readonly string[]): TSegment[] {
  const parts = termParts(terms);
  const segments: TSegment[] = [];
  const push = (piece: string, match: boolean) => {
    if (!piece) return;
    const last = segments.at(-1);
    if (last && last.match === match && !match) last.text += piece;
    else segments.push({ text: piece, match });
  };
  let at = 0;
  if (parts.length) {
    for (const found of text.matchAll(WORD)) {
      if (!isMatch(found[0], parts)) continue;
      push(text.slice(at, found.index), false);
      push(found[0], true);
      at = found.index + found[0].length;
    }
  }
  push(text.slice(at), false);
  return segments;
}

/**
 * One line of at most about `width` characters around the first matched word, cut at spaces,
 * with "…" where text was left out.
 */
export function snippetAround(text: string, terms: readonly string[], width = 140): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= width) return line;
  const parts = termParts(terms);
  let first = 0;
  for (const found of line.matchAll(WORD)) {
    if (isMatch(found[0], parts)) {
      first = found.index;
      break;
    }
  }
  // Some context before the match, then as much after it as fits.
  let start = Math.max(0, Math.min(first - Math.floor(width / 4), line.length - width));
  if (start > 0) {
    const space = line.indexOf(" ", start);
    start = space !== -1 && space < first ? space + 1 : start;
  }
  let end = Math.min(line.length, start + width);
  if (end < line.length) {
    const space = line.lastIndexOf(" ", end);
    if (space > first && space > start + width / 2) end = space;
  }
  start = avoidSplitPair(line, start, 1);
  end = avoidSplitPair(line, end, -1);
  return `${start > 0 ? "…" : ""}${line.slice(start, end).trim()}${end < line.length ? "…" : ""}`;
}

/** Moves a cut off the middle of a surrogate pair (an emoji), so no half character is shown. */
function avoidSplitPair(text: string, at: number, step: 1 | -1): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at + step : at;
}
