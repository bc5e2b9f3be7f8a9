import { describe, expect, it } from "vitest";
import { classifyCustomerMessage } from "./customer-message";
import { parseInboundMessage } from "./schemas/inbound-message";

const CDN = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17900000000000001&signature=abc";

/** A customer's MO as CM posts it (FORMATS.md §3), with the given `message`. */
function classify(message: Record<string, unknown>) {
  const parsed = parseInboundMessage({
    reference: "",
    messageContext: "",
    from: { number: "6543210987654321", name: "Jane Doe" },
    to: { number: "17841400000000000" },
    message: { text: "", media: { mediaUri: "", contentType: "", title: "" }, ...message },
    groupings: ["", "", ""],
    timeUtc: "2026-05-01T10:00:00",
    channel: "Instagram",
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return classifyCustomerMessage(parsed.value);
}
const media = (contentType: string, title = "", mediaUri = CDN) => ({ media: { mediaUri, contentType, title } });

describe("classifyCustomerMessage: media and shares", () => {
  it("a voice note is audio, played from CM's CDN URL", () => {
    expect(classify(media("audio/mp4"))).toEqual({ kind: "audio", url: CDN, mimeType: "audio/mp4", caption: "" });
    expect(classify({ ...media("AUDIO/WAV; codecs=1"), text: "listen" })).toMatchObject({
      kind: "audio",
      caption: "listen",
    });
  });

  it("a video is video", () => {
    expect(classify(media("video/mp4"))).toEqual({ kind: "video", url: CDN, mimeType: "video/mp4", caption: "" });
  });

  it("any other typed file is a download, named by CM's title", () => {
    expect(classify(media("application/pdf", "invoice.pdf"))).toEqual({
      kind: "file",
      url: CDN,
      mimeType: "application/pdf",
      name: "invoice.pdf",
      caption: "",
    });
  });

  it("an untyped attachment is judged by its name, else taken to be an image (CM's sample)", () => {
    expect(classify(media("", "voice.m4a"))).toMatchObject({ kind: "audio", mimeType: null });
    expect(classify(media("", "", "https://cdn.example/clip.webm"))).toMatchObject({ kind: "video" });
    expect(classify(media("", "terms.pdf"))).toMatchObject({ kind: "file", name: "terms.pdf" });
    expect(classify(media(""))).toMatchObject({ kind: "image", url: CDN });
  });

  it("a shared post, reel or story is a share, in CM's assumed shape or Meta's own", () => {
    expect(
      classify({ text: "look!", custom: { share: { type: "ig_reel", url: "https://www.instagram.com/reel/C1/" } } }),
    ).toEqual({
      kind: "share",
      shareType: "reel",
      url: "https://www.instagram.com/reel/C1/",
      title: null,
      text: "look!",
    });
    expect(
      classify({
        custom: { attachments: [{ type: "share", payload: { url: "https://ig/p/1", title: "New shoes" } }] },
      }),
    ).toEqual({ kind: "share", shareType: "post", url: "https://ig/p/1", title: "New shoes", text: "" });
    expect(classify({ custom: { Share: { Type: "story", URL: "https://ig/s/1" } } })).toMatchObject({
      kind: "share",
      shareType: "story",
    });
  });

  it("anything still unknown stays unsupported with its raw payload", () => {
    const unknownShare = classify({ custom: { share: { type: "ig_live", url: "https://ig/live/1" } } });
    expect(unknownShare).toMatchObject({ kind: "unsupported", reason: "a shared ig_live" });
    expect(unknownShare.kind === "unsupported" && unknownShare.raw).toMatchObject({
      message: { custom: { share: { type: "ig_live" } } },
    });
    const reaction = classify({ custom: { reaction: { emoji: "❤️" } } });
    expect(reaction).toMatchObject({ kind: "unsupported" });
    expect(reaction.kind === "unsupported" && reaction.raw).toMatchObject({ message: { custom: { reaction: {} } } });
    // A malformed share is ignored, not a reason to refuse the message.
    expect(classify({ text: "hi", custom: { share: "oops" } })).toEqual({ kind: "text", text: "hi" });
  });
});
