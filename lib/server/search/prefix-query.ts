/** Most words a search combines; the longest are kept (they narrow the most). */
export const MAX_SEARCH_TERMS = 12;

/** The words to search for: distinct, longest first, at most MAX_SEARCH_TERMS. */
export function pickTerms(lexemes: readonly string[]): string[] {
  return [...new Set(lexemes)]
    .filter((term) => term.length > 0)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .slice(0, MAX_SEARCH_TERMS);
}

/**
 * A tsquery (to_tsquery syntax) matching every term, each as a word prefix ("choc" finds
 * "chocolate"), except one-letter terms, which match whole words: as a prefix, one letter
 * matches most of the inbox and tells the agent nothing. Terms come from to_tsvector, but are
 * quoted as any input would be (quotes doubled, backslashes escaped), so no text can become
 * tsquery syntax. Null when there is nothing to search for.
 */
export function toPrefixQuery(terms: readonly string[]): string | null {
  if (!terms.length) return null;
  return terms
    .map((term) => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${[...term].length > 1 ? ":*" : ""}`)
    .join(" & ");
}
