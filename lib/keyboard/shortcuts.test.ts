import { describe, expect, it } from "vitest";
import { adjacentConversation, isTypingTarget, leavesField, shortcutFor, type TKeyPress } from "./shortcuts";

const body = { tagName: "BODY" };
const press = (key: string, change: Partial<TKeyPress> = {}): TKeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  target: body,
  ...change,
});

describe("shortcutFor", () => {
  it("maps each single key to its action when the agent is not typing", () => {
    expect(["j", "k", "/", "r", "a", "e", "n", "?"].map((key) => shortcutFor(press(key)))).toEqual([
      "next",
      "previous",
      "search",
      "reply",
      "assign",
      "resolve",
      "note",
      "help",
    ]);
    expect(shortcutFor(press("x"))).toBeNull();
    expect(shortcutFor(press("J"))).toBeNull();
    expect(shortcutFor(press("?", { target: { tagName: "BUTTON" } }))).toBe("help");
    expect(shortcutFor(press("a", { target: { tagName: "INPUT", type: "checkbox" } }))).toBe("assign");
  });

  it("does nothing while the agent types in a field, or with Ctrl, Alt or Cmd", () => {
    for (const target of [
      { tagName: "INPUT" },
      { tagName: "input", type: "search" },
      { tagName: "TEXTAREA" },
      { tagName: "SELECT" },
      { tagName: "DIV", isContentEditable: true },
    ]) {
      expect(shortcutFor(press("j", { target }))).toBeNull();
      expect(shortcutFor(press("/", { target }))).toBeNull();
    }
    expect(shortcutFor(press("r", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("r", { metaKey: true }))).toBeNull();
    expect(shortcutFor(press("e", { altKey: true }))).toBeNull();
    expect(shortcutFor(press("e", { isComposing: true }))).toBeNull();
  });
});

describe("isTypingTarget", () => {
  it("is true for text fields, selects and editable areas only", () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: "A" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "radio" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "datetime-local" })).toBe(true);
  });
});

describe("leavesField", () => {
  const escape = (change: Partial<TKeyPress> & { defaultPrevented?: boolean }) => ({
    ...press("Escape", { target: { tagName: "TEXTAREA" } }),
    defaultPrevented: false,
    ...change,
  });
  it("leaves a field on Escape, unless the field used Escape itself", () => {
    expect(leavesField(escape({}))).toBe(true);
    expect(leavesField(escape({ defaultPrevented: true }))).toBe(false);
    expect(leavesField(escape({ target: body }))).toBe(false);
    expect(leavesField({ ...escape({}), key: "Enter" })).toBe(false);
  });
});

describe("adjacentConversation", () => {
  const ids = ["c1", "c2", "c3"];
  it("moves along the list's order and stops at its ends", () => {
    expect(adjacentConversation(ids, "c2", 1)).toBe("c3");
    expect(adjacentConversation(ids, "c2", -1)).toBe("c1");
    expect(adjacentConversation(ids, "c3", 1)).toBeNull();
    expect(adjacentConversation(ids, "c1", -1)).toBeNull();
  });
  it("starts at the first conversation when none of the list is open", () => {
    expect(adjacentConversation(ids, null, 1)).toBe("c1");
    expect(adjacentConversation(ids, "elsewhere", -1)).toBe("c1");
    expect(adjacentConversation([], null, 1)).toBeNull();
  });
});
