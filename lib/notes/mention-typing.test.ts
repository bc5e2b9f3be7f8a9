import { describe, expect, it } from "vitest";
import { insertMention, matchingAgents, mentionQueryAt } from "./mention-typing";

describe("the mention being typed", () => {
  it("is what follows the last @ before the caret, spaces included", () => {
    expect(mentionQueryAt("Hi @", 4)).toEqual({ start: 3, query: "" });
    expect(mentionQueryAt("Hi @sa", 6)).toEqual({ start: 3, query: "sa" });
    expect(mentionQueryAt("Hi @Sam L and more", 9)).toEqual({ start: 3, query: "Sam L" });
  });

  it("is none without an @, in an email, across a line or right after a space", () => {
    expect(mentionQueryAt("Hello", 5)).toBeNull();
    expect(mentionQueryAt("mail a@b", 8)).toBeNull();
    expect(mentionQueryAt("@sam\nnext", 9)).toBeNull();
    expect(mentionQueryAt("@ sam", 5)).toBeNull();
    expect(mentionQueryAt(`@${"x".repeat(41)}`, 42)).toBeNull();
  });

  it("offers the agents whose name starts with it, case aside", () => {
    const team = [{ name: "Sam" }, { name: "Sam Lee" }, { name: "Ada" }];
    expect(matchingAgents(team, "sa")).toEqual([{ name: "Sam" }, { name: "Sam Lee" }]);
    expect(matchingAgents(team, "SAM L")).toEqual([{ name: "Sam Lee" }]);
    expect(matchingAgents(team, "")).toHaveLength(3);
    expect(matchingAgents(team, "", 2)).toHaveLength(2);
  });

  it("is replaced by the chosen name and a space, the caret after it", () => {
    expect(insertMention("Hi @sa", { start: 3, caret: 6 }, "Sam Lee")).toEqual({ text: "Hi @Sam Lee ", caret: 12 });
    expect(insertMention("@s please", { start: 0, caret: 2 }, "Sam")).toEqual({ text: "@Sam please", caret: 5 });
  });
});
