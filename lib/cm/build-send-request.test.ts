import { describe, expect, it } from "vitest";
import { buildSendRequest } from "./build-send-request";
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
});
