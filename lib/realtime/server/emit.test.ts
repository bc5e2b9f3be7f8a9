import { describe, expect, it } from "vitest";
import type { TMessageView } from "../../messages/schemas";
import type { TConversationSummary } from "../../conversations/summary";
import { noEffects } from "../../effects/inbox-effects";
import { knownAccounts, splitByAccount, toInboxChange } from "./emit";

const conversation = (id: string, updatedAt: string, preview: string, accountId = "shop") =>
  ({ id, updatedAt, lastMessagePreview: preview, accountId }) as TConversationSummary;
const message = (id: string, conversationId = "a") => ({ id, conversationId }) as TMessageView;

describe("one inbox.changed event per committed change", () => {
  it("sends a conversation touched by several messages once, as it stands after the last", () => {
    const effects = noEffects();
    effects.conversations.push(
      conversation("a", "2026-01-01T10:00:00.001Z", "first"),
      conversation("b", "2026-01-01T10:00:00.002Z", "other"),
      conversation("a", "2026-01-01T10:00:00.003Z", "second"),
    );
    effects.createdMessages.push(message("m1"), message("m2"));
    effects.updatedMessages.push(message("m0"));
    const change = toInboxChange(effects);
    expect(change?.conversations.map((c) => [c.id, c.lastMessagePreview])).toEqual([
      ["a", "second"],
      ["b", "other"],
    ]);
    expect(change?.created.map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(change?.updated.map((m) => m.id)).toEqual(["m0"]);
  });

  it("sends nothing for a change that changed nothing", () => {
    expect(toInboxChange(noEffects())).toBeNull();
  });
});

describe("each account's part of a change", () => {
  it("puts conversations and messages with their account, in the change's order", () => {
    const effects = noEffects();
    effects.conversations.push(conversation("a", "1", "shop's", "shop"), conversation("b", "1", "other's", "other"));
    effects.createdMessages.push(message("m1", "a"), message("m2", "b"), message("m3", "a"));
    // Its conversation is not in the change: the producer noted the account.
    effects.updatedMessages.push(message("m4", "quiet"), message("m5", "a"));
    effects.accounts.set("quiet", "other");
    const change = toInboxChange(effects)!;
    const { parts, unrouted } = splitByAccount(change, knownAccounts(change, effects.accounts));
    const ids = (accountId: string) => {
      const part = parts.get(accountId);
      return part && [part.conversations, part.created, part.updated].map((items) => items.map((i) => i.id));
    };
    expect([...parts.keys()]).toEqual(["shop", "other"]);
    expect(ids("shop")).toEqual([["a"], ["m1", "m3"], ["m5"]]);
    expect(ids("other")).toEqual([["b"], ["m2"], ["m4"]]);
    expect(unrouted).toBeNull();
  });

  it("keeps apart the messages whose account is unknown (for the admins only)", () => {
    const effects = noEffects();
    effects.updatedMessages.push(message("m1", "gone"));
    const change = toInboxChange(effects)!;
    const { parts, unrouted } = splitByAccount(change, knownAccounts(change, effects.accounts));
    expect(parts.size).toBe(0);
    expect(unrouted?.updated.map((m) => m.id)).toEqual(["m1"]);
  });
});
