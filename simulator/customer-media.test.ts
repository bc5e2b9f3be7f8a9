import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyCustomerMessage } from "../lib/cm/customer-message";
import { parseInboundMessage } from "../lib/cm/schemas/inbound-message";
import { CUSTOMER, IG_ACCOUNT, startSimFixture, type TSimFixture } from "./testing/sim-fixture";

let f: TSimFixture;
beforeAll(async () => {
  f = await startSimFixture();
});
afterAll(() => f.close());

async function customerSends(body: Record<string, unknown>) {
  const { status, body: answer } = await f.control("POST", "/_sim/customer/message", {
    account: IG_ACCOUNT,
    from: { igsid: CUSTOMER, name: "Jane Doe", username: "jane.doe" },
    ...body,
  });
  expect(status).toBe(200);
  const parsed = parseInboundMessage(answer["payload"]);
  if (!parsed.ok) throw new Error(parsed.error);
  return classifyCustomerMessage(parsed.value);
}

describe("the simulator's customer media", () => {
  it("sends a voice note, a video and a file it serves itself, in CM's media fields", async () => {
    const audio = await customerSends({ audio: {} });
    expect(audio).toMatchObject({
      kind: "audio",
      url: `${f.sim.url}/_sim/media/voice-note.wav`,
      mimeType: "audio/wav",
    });
    const video = await customerSends({ video: {}, text: "look" });
    expect(video).toMatchObject({ kind: "video", url: `${f.sim.url}/_sim/media/clip.webm`, caption: "look" });
    const file = await customerSends({ file: {} });
    expect(file).toMatchObject({ kind: "file", name: "order-details.txt", mimeType: "text/plain" });

    const wav = await fetch(`${f.sim.url}/_sim/media/voice-note.wav`);
    expect(wav.headers.get("content-type")).toBe("audio/wav");
    const bytes = Buffer.from(await wav.arrayBuffer());
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(bytes.subarray(8, 12).toString("ascii")).toBe("WAVE");
    const png = Buffer.from(await (await fetch(`${f.sim.url}/_sim/media/photo.png`)).arrayBuffer());
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    const webm = Buffer.from(await (await fetch(`${f.sim.url}/_sim/media/clip.webm`)).arrayBuffer());
    // EBML magic: a WebM file, small enough to keep in the repository.
    expect(webm.subarray(0, 4).toString("hex")).toBe("1a45dfa3");
    expect(webm.length).toBeLessThan(8 * 1024);
  });

  it("sends an expired link that 404s, as a CDN link does once it expires", async () => {
    const gone = await customerSends({ video: { expired: true } });
    if (gone.kind !== "video") throw new Error(`expected a video, got ${gone.kind}`);
    expect(gone.url).toMatch(new RegExp(`^${f.sim.url}/_sim/media/expired/`));
    expect((await fetch(gone.url)).status).toBe(404);
  });

  it("shares a post, a reel and a story", async () => {
    expect(await customerSends({ share: { type: "reel", title: "Boots" } })).toMatchObject({
      kind: "share",
      shareType: "reel",
      title: "Boots",
      url: expect.stringMatching(/^https:\/\/www\.instagram\.com\/reel\//),
    });
    expect(await customerSends({ share: {} })).toMatchObject({ kind: "share", shareType: "post" });
    expect(await customerSends({ share: { type: "story" } })).toMatchObject({ kind: "share", shareType: "story" });
  });
});
