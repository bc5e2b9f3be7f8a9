import { describe, expect, it } from "vitest";
import { findMentionSpans, findMentions } from "./mentions";

const SAM = { id: "u-sam", name: "Sam" };
const SAM_LEE = { id: "u-sam-lee", name: "Sam Lee" };
const ADA = { id: "u-ada", name: "Ada Lovelace" };
const ZOE = { id: "u-zoe", name: "Zoë" };
const TEAM = [SAM, SAM_LEE, ADA, ZOE];

const ids = (text: string, agents = TEAM) => findMentions(text, agents).map((m) => m.userId);

describe("findMentions", () => {
  it("finds an agent named after an @, whatever the case", () => {
    expect(findMentions("@sam can you check?", TEAM)).toEqual([{ userId: "u-sam", name: "Sam" }]);
    expect(ids("ping @ADA LOVELACE please")).toEqual(["u-ada"]);
  });

  it("prefers the longest name that fits, and falls back to a shorter one", () => {
    expect(ids("@Sam Lee knows this customer")).toEqual(["u-sam-lee"]);
    expect(ids("@Sam Leeds is the city")).toEqual(["u-sam"]);
    expect(ids("@Sam")).toEqual(["u-sam"]);
  });

  it("does not stop a name in the middle of a word", () => {
    expect(ids("@Samuel is not on the team")).toEqual([]);
    expect(ids("@Ada Lovelaces")).toEqual([]);
  });

  it("takes punctuation and line ends as the end of a name", () => {
    expect(ids("(@Sam), @Ada Lovelace.")).toEqual(["u-sam", "u-ada"]);
    expect(ids("thanks @sam's team\n@Zoë!")).toEqual(["u-sam", "u-zoe"]);
    expect(ids("@Sam Lee")).toEqual(["u-sam-lee"]);
  });

  it("ignores emails and an @ inside a word", () => {
    expect(ids("write to a@b.com or sam@shop.com")).toEqual([]);
    expect(ids("first.last@Sam Lee")).toEqual([]);
    expect(ids("mail@sam")).toEqual([]);
  });

  it("ignores an @ that names nobody, and a lone @", () => {
    expect(ids("@Nobody here @ all @")).toEqual([]);
    expect(findMentions("@Sam", [])).toEqual([]);
  });

  it("names each agent once, in the order first mentioned", () => {
    expect(ids("@Zoë then @Sam then @zoë again and @SAM")).toEqual(["u-zoe", "u-sam"]);
  });

  it("matches letters beyond ASCII without changing positions", () => {
    expect(ids("@ZOË")).toEqual(["u-zoe"]);
    const spans = findMentionSpans("İ @Zoë ok", TEAM);
    expect(spans).toEqual([{ start: 2, end: 6, userId: "u-zoe", name: "Zoë" }]);
  });

  it("skips agents whose name is blank", () => {
    expect(ids("@ hello", [{ id: "blank", name: "  " }])).toEqual([]);
  });
});

describe("findMentionSpans", () => {
  it("gives where each mention is, the @ included, for highlighting", () => {
    const text = "Hi @Sam Lee and @ada lovelace";
    const spans = findMentionSpans(text, TEAM);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["@Sam Lee", "@ada lovelace"]);
    expect(spans.map((s) => s.name)).toEqual(["Sam Lee", "Ada Lovelace"]);
  });

  it("does not find a mention inside another one", () => {
    const both = [{ id: "a", name: "Lee @Sam" }, SAM];
    expect(findMentionSpans("@Lee @Sam", both).map((s) => s.userId)).toEqual(["a"]);
  });
});
