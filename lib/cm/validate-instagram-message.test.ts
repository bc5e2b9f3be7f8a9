import { describe, expect, it } from "vitest";
import { buildInstagramMessage, type TOutboundCard, type TOutboundContent } from "./build-send-request";
import { INSTAGRAM_LIMITS } from "./limits";
import { applyInstagramTruncations, validateInstagramMessage } from "./validate-instagram-message";

const msg = (content: TOutboundContent) =>
  buildInstagramMessage({ from: "1784", to: "6543", reference: "ref1", content });
const card = (i: number): TOutboundCard => ({ header: `Card ${i}`, text: "sub" });
const codes = (content: TOutboundContent) =>
  validateInstagramMessage(msg(content)).problems.map((p) => [p.code, p.field]);

describe("validateInstagramMessage", () => {
  it("accepts text at the limit and rejects one character more with 304", () => {
    expect(codes({ kind: "text", text: "a".repeat(INSTAGRAM_LIMITS.textMaxChars) })).toEqual([]);
    expect(codes({ kind: "text", text: "a".repeat(1001) })).toEqual([[304, "body.content"]]);
  });

  it("counts an emoji as one character", () => {
    expect(codes({ kind: "text", text: "😀".repeat(1000) })).toEqual([]);
  });

  it("rejects an empty body with 304", () => {
    expect(codes({ kind: "text", text: " " })).toEqual([[304, "body.content"]]);
  });

  it("allows 13 quick replies and rejects 14 with 305", () => {
    const replies = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `R${i}`, postbackData: `P${i}` }));
    expect(codes({ kind: "text", text: "pick", quickReplies: replies(13) })).toEqual([]);
    expect(codes({ kind: "text", text: "pick", quickReplies: replies(14) })).toEqual([
      [305, "richContent.conversation[0].suggestions"],
    ]);
  });

  it("reports labels over 20 characters as truncations, not problems", () => {
    const m = msg({
      kind: "text",
      text: "pick",
      quickReplies: [{ label: "123456789012345678901", postbackData: "X" }],
    });
    const result = validateInstagramMessage(m);
    expect(result.problems).toEqual([]);
    expect(result.truncations).toEqual([
      {
        field: "richContent.conversation[0].suggestions[0].label",
        original: "123456789012345678901",
        truncated: "12345678901234567890",
      },
    ]);
    expect(applyInstagramTruncations(m).richContent?.conversation?.[0]?.suggestions?.[0]?.label).toBe(
      "12345678901234567890",
    );
  });

  it("rejects postback data over 1000 characters", () => {
    expect(codes({ kind: "text", text: "x", quickReplies: [{ label: "a", postbackData: "p".repeat(1001) }] })).toEqual([
      [305, "richContent.conversation[0].suggestions[0].postbackdata"],
    ]);
  });

  it("bounds carousels to 2..10 cards", () => {
    const cards = (n: number) => Array.from({ length: n }, (_, i) => card(i));
    expect(codes({ kind: "carousel", cards: cards(2) })).toEqual([]);
    expect(codes({ kind: "carousel", cards: cards(10) })).toEqual([]);
    expect(codes({ kind: "carousel", cards: cards(1) })).toEqual([[305, "richContent.conversation[0].carousel.cards"]]);
    expect(codes({ kind: "carousel", cards: cards(11) })).toEqual([
      [305, "richContent.conversation[0].carousel.cards"],
    ]);
  });

  it("limits card header and text to 80 characters and buttons to 3", () => {
    const buttons = Array.from({ length: 4 }, (_, i) => ({
      kind: "url" as const,
      label: `B${i}`,
      url: "https://example.com",
    }));
    expect(codes({ kind: "card", card: { header: "h".repeat(81), text: "t".repeat(81), buttons } })).toEqual([
      [305, "richContent.conversation[0].header"],
      [305, "richContent.conversation[0].text"],
      [305, "richContent.conversation[0].suggestions"],
    ]);
    expect(codes({ kind: "card", card: { header: "only a title" } })).toEqual([[305, "richContent.conversation[0]"]]);
  });

  it("checks image MIME type, name and URL", () => {
    expect(codes({ kind: "image", image: { url: "https://cdn.example.com/a.png", mimeType: "image/png" } })).toEqual(
      [],
    );
    expect(codes({ kind: "image", image: { url: "ftp://x/a.mp4", mimeType: "video/mp4", name: "a.mp4" } })).toEqual([
      [305, "richContent.conversation[0].media.mediaUri"],
      [305, "richContent.conversation[0].media.mimeType"],
      [305, "richContent.conversation[0].media.mediaName"],
    ]);
  });
});
