import { describe, expect, it } from "vitest";
import { snippetAround, splitHighlights } from "./highlight";

const marked = (text: string, terms: string[]) =>
  splitHighlights(text, terms)
    .map((s) => (s.match ? `[${s.text}]` : s.text))
    .join("");

describe("splitHighlights", () => {
  it("marks whole words that start with a term, whatever their case and accents", () => {
    expect(marked("Do you have Chocolate cake? choco!", ["choc"])).toBe("Do you have [Chocolate] cake? [choco]!");
    expect(marked("We ship to Zürich", ["zur", "ship"])).toBe("We [ship] to [Zürich]");
    expect(marked("un café crème", ["cafe"])).toBe("un [café] crème");
  });

  it("gives the text back unchanged when joined, and marks nothing without terms", () => {
    const text = "Hello, <b>world</b> & 'friends' 🍫";
    expect(
      splitHighlights(text, ["world", "friend"])
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
    expect(splitHighlights(text, [])).toEqual([{ text, match: false }]);
  });

  it("compares with the parts of terms that hold punctuation, one letter only as a whole word", () => {
    expect(marked("write to jane.doe or Jane", ["jane.doe"])).toBe("write to [jane].[doe] or [Jane]");
    expect(marked("don't take the train", ["don", "t"])).toBe("[don]'[t] take the train");
  });
});

describe("snippetAround", () => {
  const long = `${"Lorem ipsum dolor sit amet ".repeat(8)}the chocolate cake arrived broken ${"and more words follow here ".repeat(8)}`;

  it("keeps a short text whole, on one line", () => {
    expect(snippetAround("Hi!\n\nDo you ship   abroad?", ["ship"])).toBe("Hi! Do you ship abroad?");
  });

  it("cuts a long text around the first match, at spaces, marking the cuts", () => {
    const snippet = snippetAround(long, ["chocolate"], 100);
    expect(snippet).toContain("the chocolate cake arrived broken");
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(102);
    expect(snippet.slice(1, -1)).toMatch(/^\S.*\S$/);
    expect(long.replace(/\s+/g, " ")).toContain(snippet.slice(1, -1));
  });

  it("starts at the beginning when the match is there, and never splits an emoji", () => {
    expect(snippetAround(long, ["lorem"], 60).startsWith("Lorem ipsum")).toBe(true);
    const emoji = `${"🍫".repeat(100)} cake`;
    const snippet = snippetAround(emoji, ["cake"], 51);
    expect(snippet).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(snippet).toContain("cake");
  });
});
