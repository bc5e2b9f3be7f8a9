import { describe, expect, it } from "vitest";
import { buildSendRequest, type TOutboundMessage } from "./build-send-request";
import { ZCmSendRequest } from "./schemas/send-request";

describe("buildSendRequest", () => {
  it("emits the canonical Instagram form: no body auth, auto body, Reply with lowercase postbackdata", () => {
    const request = buildSendRequest([
      {
        from: "17841400000000000",
        to: "6543210987654321",
        reference: "abc123",
        content: { kind: "text", text: "Which size?", quickReplies: [{ label: "Size 42", postbackData: "SIZE_42" }] },
      },
    ]);
    expect(request).toEqual({
      messages: {
        msg: [
          {
            from: "17841400000000000",
            to: [{ number: "6543210987654321" }],
            allowedChannels: ["Instagram"],
            reference: "abc123",
            body: { type: "auto", content: "Which size?" },
            richContent: {
              conversation: [
                { text: "Which size?", suggestions: [{ action: "Reply", label: "Size 42", postbackdata: "SIZE_42" }] },
              ],
            },
          },
        ],
      },
    });
    expect(ZCmSendRequest.parse(request)).toEqual(request);
  });

  it("sends plain text as body only, like the spec's first example, and tags in richContent", () => {
    const [plain, tagged] = buildSendRequest([
      { from: "1", to: "2", reference: "r1", content: { kind: "text", text: "hi" } },
      { from: "1", to: "2", reference: "r2", content: { kind: "text", text: "hi" }, tag: "HUMAN_AGENT" },
    ]).messages.msg;
    expect(plain?.richContent).toBeUndefined();
    expect(tagged?.richContent).toEqual({ conversation: [{ text: "hi", tag: "HUMAN_AGENT" }] });
  });

  it("names media after their MIME type so Instagram sees the right extension", () => {
    const [m] = buildSendRequest([
      {
        from: "1",
        to: "2",
        reference: "r",
        content: { kind: "image", image: { url: "https://x/y", mimeType: "image/png" } },
      },
    ]).messages.msg;
    expect(m?.richContent?.conversation?.[0]?.media).toEqual({
      mediaName: "image.png",
      mediaUri: "https://x/y",
      mimeType: "image/png",
    });
  });

  it("keeps the URL's own file name when it fits the type, and never sends a PNG as .jpg in a card", () => {
    const build = (content: TOutboundMessage["content"]) =>
      buildSendRequest([{ from: "1", to: "2", reference: "r", content }]).messages.msg[0]?.richContent?.conversation;
    expect(
      build({ kind: "image", image: { url: "https://cdn.example/a/cat.PNG?w=1", mimeType: "image/png" } })?.[0]?.media
        ?.mediaName,
    ).toBe("cat.PNG");
    const card = build({
      kind: "card",
      card: { header: "Hi", image: { url: "https://cdn.example/photo.jpg", mimeType: "image/png" } },
    })?.[0]?.media;
    expect(card).toEqual({ mediaName: "image.png", mediaUri: "https://cdn.example/photo.jpg", mimeType: "image/png" });
    const carousel = build({
      kind: "carousel",
      cards: [
        { header: "A", image: { url: "https://cdn.example/m/abc", mimeType: "image/webp" } },
        { header: "B", image: { url: "https://cdn.example/b.gif", mimeType: "image/gif" } },
      ],
    })?.[0]?.carousel?.cards.map((c) => c.media?.mediaName);
    expect(carousel).toEqual(["image.webp", "b.gif"]);
  });
});
