// What search compares: text with its accents and compatibility forms folded away, so "cafe"
// finds "Café", "zurich" finds "Zürich" and a display name written in 𝓯𝓪𝓷𝓬𝔂 letters is found
// by its plain ones. The database folds with the SQL function `search_fold` (migration
// 20261130062000_search), which does the same steps; this copy serves the highlighting in the
// browser and the snippets on the server, and a test keeps the two in step.

/** Letters that carry no combining accent, so decomposition leaves them: folded by hand. */
export const FOLD_SPECIAL_FROM = "ØøĐđĦħıŁłŦŧÐð";
export const FOLD_SPECIAL_TO = "OoDdHhiLlTtDd";

const SPECIAL = new Map([...FOLD_SPECIAL_FROM].map((char, i) => [char, FOLD_SPECIAL_TO[i] ?? char]));
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// eslint-disable-next-line no-control-regex -- ASCII text needs no folding, as in the SQL function.
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, compatibility-decomposed (NFKD), without combining accents. */
export function foldForSearch(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  const decomposed = text.normalize("NFKD").replace(COMBINING_MARKS, "");
  return [...decomposed]
    .map((char) => SPECIAL.get(char) ?? char)
    .join("")
    .toLowerCase();
}
