import { describe, expect, it } from "vitest";
import { classifyCustomerMessage } from "../customer-message";
import { parseInboundEvent } from "./inbound-event";
import { parseInboundMessage } from "./inbound-message";
import { parseStatusReports } from "./status-report";

const quickReplyTap = {
  reference: "inbox42msg0002",
  messageContext: "",
  from: { number: "6543210987654321", name: "Jane Doe" },
  to: { number: "17841400000000000" },
  message: {
    text: "Size 42",
    media: { mediaUri: "", contentType: "", title: "" },
    custom: { username: "jane.doe", suggestions: [{ action: "Reply", postbackData: "SIZE_42" }] },
  },
  groupings: ["", "", ""],
  time: "2025-01-10 14:05:00",
  timeUtc: "2025-01-10T13:05:00",
  channel: "Instagram",
};

function parseMo(payload: unknown) {
  const result = parseInboundMessage(payload);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe("inbound message (MO)", () => {
  it("normalises FORMATS.md's quick-reply example", () => {
    const mo = parseMo(quickReplyTap);
    expect(mo).toMatchObject({
      from: { number: "6543210987654321", name: "Jane Doe" },
      to: "17841400000000000",
      text: "Size 42",
      media: null,
      username: "jane.doe",
      postbackData: "SIZE_42",
      storyReply: null,
    });
    expect(mo.timeUtc.toISOString()).toBe("2025-01-10T13:05:00.000Z");
    expect(mo.raw).toBe(quickReplyTap);
    expect(classifyCustomerMessage(mo)).toEqual({ kind: "quick_reply", label: "Size 42", postbackData: "SIZE_42" });
  });

  it("accepts `from` as a plain string and lowercase `postbackdata`", () => {
    const mo = parseMo({
      ...quickReplyTap,
      from: "6543210987654321",
      message: { ...quickReplyTap.message, custom: { suggestions: [{ action: "Reply", postbackdata: "X" }] } },
    });
    expect(mo.from).toEqual({ number: "6543210987654321", name: null });
    expect(mo.postbackData).toBe("X");
  });

  it("classifies text, image, story reply and media of no known type", () => {
    const base = {
      ...quickReplyTap,
      message: { text: "hello", media: { mediaUri: "", contentType: "", title: "" }, custom: {} },
    };
    expect(classifyCustomerMessage(parseMo(base))).toEqual({ kind: "text", text: "hello" });

    const image = parseMo({
      ...base,
      message: {
        text: "",
        media: { mediaUri: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", contentType: "", title: "" },
      },
    });
    expect(classifyCustomerMessage(image)).toMatchObject({
      kind: "image",
      url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1",
    });

    for (const custom of [
      { storyReply: { url: "https://s/1", id: "99" } },
      { reply_to: { story: { url: "https://s/1", id: 99 } } },
    ]) {
      const story = parseMo({ ...base, message: { text: "nice", custom } });
      expect(classifyCustomerMessage(story)).toEqual({
        kind: "story_reply",
        text: "nice",
        storyUrl: "https://s/1",
        storyId: "99",
      });
    }

    const odd = parseMo({
      ...base,
      message: { text: "", media: { mediaUri: "https://v", contentType: "not a type" } },
    });
    expect(classifyCustomerMessage(odd)).toMatchObject({ kind: "unsupported", reason: "media of type not a type" });

    expect(classifyCustomerMessage(parseMo({ ...base, message: { text: "" } }))).toMatchObject({ kind: "unsupported" });
  });

  it("reports a payload without a time as an error, keeping the raw payload", () => {
    const result = parseInboundMessage({ from: "1", to: "2" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.raw).toEqual({ from: "1", to: "2" });
  });
});

describe("inbound event", () => {
  it("reads MessageDelete, StoryMention and keeps unknown types", () => {
    const base = {
      from: { number: "6543210987654321" },
      to: { number: "17841400000000000" },
      timeUtc: "2025-01-10T13:06:10",
      channel: "Instagram",
    };
    const del = parseInboundEvent({ ...base, event: { type: "MessageDelete", reference: 453563216 } });
    expect(del.ok && del.value.detail).toEqual({ type: "MessageDelete", messageReference: "453563216" });
    const mention = parseInboundEvent({ ...base, event: { type: "StoryMention", custom: { url: "https://cdn/x" } } });
    expect(mention.ok && mention.value.detail).toEqual({ type: "StoryMention", url: "https://cdn/x" });
    const other = parseInboundEvent({ ...base, event: { type: "OptInSubscribed", custom: { token: "t" } } });
    expect(other.ok && other.value.detail).toEqual({ type: "unknown", cmType: "OptInSubscribed" });
  });
});

describe("status report", () => {
  it("reads the documented object form with string codes and an array form with numbers", () => {
    const one = parseStatusReports({
      messages: {
        msg: {
          received: "2025-01-10T13:05:02",
          to: "65",
          reference: "r1",
          status: { code: "2", errorCode: "", errorDescription: "" },
          operator: "",
        },
      },
    });
    expect(one.ok && one.value).toMatchObject([
      { to: "65", reference: "r1", status: "delivered", code: 2, errorCode: null, errorDescription: null },
    ]);

    const many = parseStatusReports({
      MESSAGES: {
        MSG: [
          { to: 65, reference: "r2", status: { code: 3, errorCode: 40, errorDescription: "window closed" } },
          { to: "65", status: { code: "7" } },
        ],
      },
    });
    expect(many.ok && many.value.map((r) => [r.to, r.status, r.errorCode])).toEqual([
      ["65", "failed", 40],
      ["65", "unknown", null],
    ]);
  });
});
