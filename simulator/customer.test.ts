import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildSendRequest } from "../lib/cm/build-send-request";
import { createCmClient } from "../lib/cm/client";
import { classifyCustomerMessage } from "../lib/cm/customer-message";
import { inboundEventDedupeKey, inboundMessageDedupeKey } from "../lib/cm/dedupe-key";
import { parseInboundEvent } from "../lib/cm/schemas/inbound-event";
import { parseInboundMessage, ZCmMoWebhook } from "../lib/cm/schemas/inbound-message";
import { CUSTOMER, IG_ACCOUNT, startSimFixture, type TSimFixture } from "./testing/sim-fixture";
import { waitFor } from "./testing/wait-for";

let f: TSimFixture;
beforeAll(async () => {
  f = await startSimFixture();
});
afterAll(() => f.close());
beforeEach(async () => {
  await f.control("POST", "/_sim/reset");
  f.hooks.received.length = 0;
});

const from = { igsid: CUSTOMER, name: "Jane Doe", username: "jane.doe" };

async function customerSays(body: Record<string, unknown>) {
  const { status, body: answer } = await f.control("POST", "/_sim/customer/message", {
    account: IG_ACCOUNT,
    from,
    ...body,
  });
  expect(status).toBe(200);
  expect(answer).toMatchObject({ webhook: "messages", delivered: true, status: 200, attempts: 1 });
  const received = f.hooks.on("/mo").at(-1)?.body;
  expect(received).toEqual(answer["payload"]);
  expect(ZCmMoWebhook.safeParse(received).success).toBe(true);
  const parsed = parseInboundMessage(received);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe("the simulator playing the customer", () => {
  it("posts a text MO in CM's format", async () => {
    const mo = await customerSays({ text: "hi there", timeUtc: "2025-01-10T13:05:00" });
    expect(mo).toMatchObject({
      from: { number: CUSTOMER, name: "Jane Doe" },
      to: IG_ACCOUNT,
      text: "hi there",
      username: "jane.doe",
      channel: "Instagram",
      media: null,
    });
    expect(mo.timeUtc.toISOString()).toBe("2025-01-10T13:05:00.000Z");
    expect(mo.raw).toMatchObject({ time: "2025-01-10 14:05:00", groupings: ["", "", ""], messageContext: "" });
    expect(classifyCustomerMessage(mo)).toEqual({ kind: "text", text: "hi there" });
  });

  it("posts an image with a Meta-CDN-style URL", async () => {
    const mo = await customerSays({ image: {} });
    expect(mo.media?.url).toMatch(/^https:\/\/lookaside\.fbsbx\.com\/ig_messaging_cdn\/\?asset_id=\d+/);
    expect(classifyCustomerMessage(mo)).toMatchObject({ kind: "image", url: mo.media?.url });
  });

  it("posts a quick-reply tap with the label as text and postbackData", async () => {
    const mo = await customerSays({ quickReply: { label: "Size 42", postbackData: "SIZE_42" } });
    expect(classifyCustomerMessage(mo)).toEqual({ kind: "quick_reply", label: "Size 42", postbackData: "SIZE_42" });
  });

  it("posts a story reply", async () => {
    const mo = await customerSays({
      storyReply: { storyUrl: "https://lookaside.fbsbx.com/story/1", storyId: "42", text: "love it" },
    });
    expect(classifyCustomerMessage(mo)).toEqual({
      kind: "story_reply",
      text: "love it",
      storyUrl: "https://lookaside.fbsbx.com/story/1",
      storyId: "42",
    });
  });

  it("carries the reference and groupings of our last message to the customer", async () => {
    const reference = "lastref123";
    await createCmClient({ baseUrl: f.sim.url }).send({
      productToken: f.account.productToken,
      request: buildSendRequest([
        {
          from: IG_ACCOUNT,
          to: CUSTOMER,
          reference,
          customGrouping: "inbox",
          content: { kind: "text", text: "How can we help?" },
        },
      ]),
    });
    const mo = await customerSays({ text: "my order" });
    expect(mo.reference).toBe(reference);
    expect(mo.groupings).toEqual(["inbox", "", ""]);
  });

  it("posts StoryMention and MessageDelete events the events schema parses", async () => {
    const post = (body: Record<string, unknown>) =>
      f.control("POST", "/_sim/customer/event", { account: f.account.productToken, from: CUSTOMER, ...body });
    expect((await post({ type: "StoryMention", url: "https://lookaside.fbsbx.com/story/9" })).body).toMatchObject({
      webhook: "events",
      status: 200,
    });
    expect((await post({ type: "MessageDelete", messageReference: "453563216" })).status).toBe(200);
    const events = f.hooks.on("/events").map((r) => {
      const parsed = parseInboundEvent(r.body);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    });
    expect(events.map((e) => e.detail)).toEqual([
      { type: "StoryMention", url: "https://lookaside.fbsbx.com/story/9" },
      { type: "MessageDelete", messageReference: "453563216" },
    ]);
    expect(events.every((e) => e.to === IG_ACCOUNT && e.from.number === CUSTOMER)).toBe(true);
    expect(inboundEventDedupeKey(events[0]!)).not.toBe(inboundEventDedupeKey(events[1]!));
  });

  it("gives each customer message an Instagram ID, which a MessageDelete without one names", async () => {
    const sent = await f.control("POST", "/_sim/customer/message", { account: IG_ACCOUNT, from, text: "oops" });
    const mid = (sent.body as { payload: { message: { custom: { mid: string } } } }).payload.message.custom.mid;
    expect(mid).toMatch(/^aWdfZAG1/);
    const parsedMo = parseInboundMessage(f.hooks.on("/mo").at(-1)?.body);
    expect(parsedMo.ok && parsedMo.value.messageId).toBe(mid);

    await f.control("POST", "/_sim/customer/event", { account: IG_ACCOUNT, from: CUSTOMER, type: "MessageDelete" });
    const parsed = parseInboundEvent(f.hooks.on("/events").at(-1)?.body);
    expect(parsed.ok && parsed.value.detail).toEqual({ type: "MessageDelete", messageReference: mid });
  });

  it("a duplicated MO delivery has the same dedupe key; a different message a different one", async () => {
    await f.control("POST", "/_sim/faults", { type: "webhook_duplicate", webhook: "messages", times: 1 });
    await f.control("POST", "/_sim/customer/message", {
      account: IG_ACCOUNT,
      from,
      text: "once",
      timeUtc: "2025-01-10T13:05:00",
    });
    await customerSays({ text: "twice", timeUtc: "2025-01-10T13:05:00" });
    const keys = await waitFor(() => {
      const bodies = f.hooks.on("/mo");
      return bodies.length >= 3
        ? bodies.map((b) => {
            const parsed = parseInboundMessage(b.body);
            if (!parsed.ok) throw new Error(parsed.error);
            return inboundMessageDedupeKey(parsed.value);
          })
        : undefined;
    });
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("reports the webhook's failing status after retries, and 404 for an unknown account", async () => {
    f.hooks.failNext(10, 500);
    const { body } = await f.control("POST", "/_sim/customer/message", { account: IG_ACCOUNT, from, text: "hello?" });
    expect(body).toMatchObject({ delivered: false, status: 500, attempts: 4 });
    const unknown = await f.control("POST", "/_sim/customer/message", { account: "999", from, text: "x" });
    expect(unknown.status).toBe(404);
  });
});
