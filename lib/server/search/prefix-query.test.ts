import { describe, expect, it } from "vitest";
import { MAX_SEARCH_TERMS, pickTerms, toPrefixQuery } from "./prefix-query";

describe("toPrefixQuery", () => {
  it("ANDs every term as a quoted prefix, one-letter terms as whole words", () => {
    expect(toPrefixQuery(["chocolate", "cake", "a"])).toBe("'chocolate':* & 'cake':* & 'a'");
    expect(toPrefixQuery([])).toBeNull();
  });

  it("quotes what would otherwise be tsquery syntax", () => {
    expect(toPrefixQuery(["it's"])).toBe("'it''s':*");
    expect(toPrefixQuery(["a\\b"])).toBe("'a\\\\b':*");
    expect(toPrefixQuery(["&|!:*()"])).toBe("'&|!:*()':*");
  });
});

describe("pickTerms", () => {
  it("keeps distinct terms, longest first, at most MAX_SEARCH_TERMS", () => {
    expect(pickTerms(["cake", "chocolate", "cake", ""])).toEqual(["chocolate", "cake"]);
    const many = Array.from({ length: 20 }, (_, i) => "w".repeat(i + 1));
    expect(pickTerms(many)).toHaveLength(MAX_SEARCH_TERMS);
    expect(pickTerms(many)[0]).toBe("w".repeat(20));
  });
});
