import { describe, expect, it } from "vitest";
import type { TMessageView } from "../messages/schemas";
import type { TConversationSummary } from "../queries/conversation-types";
import { noEffects } from "../server/webhooks/effects";
import { toInboxChange } from "./emit";

const conversation = (id: string, updatedAt: string, preview: string) =>
  ({ id, updatedAt, lastMessagePreview: preview }) as TConversationSummary;
const message = (id: string) => ({ id }) as TMessageView;

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
