import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildInstagramMessage,
  buildSendRequest,
  type TOutboundContent,
  type TOutboundMessage,
} from "../lib/cm/build-send-request";
import { createCmClient } from "../lib/cm/client";
import { newCmReference } from "../lib/cm/reference";
import type { TRecordedMessage } from "./message-log";
import { CUSTOMER, IG_ACCOUNT, startSimFixture, type TSimFixture } from "./testing/sim-fixture";

let f: TSimFixture;
beforeAll(async () => {
  f = await startSimFixture();
});
afterAll(() => f.close());
beforeEach(() => f.control("POST", "/_sim/reset"));

const out = (content: TOutboundContent): TOutboundMessage => ({
  from: IG_ACCOUNT,
  to: CUSTOMER,
  reference: newCmReference(),
  content,
});
const client = () => createCmClient({ baseUrl: `${f.sim.url}/`, connectTimeoutMs: 1_000, responseTimeoutMs: 2_000 });
const send = (...messages: TOutboundMessage[]) =>
  client().send({ productToken: f.account.productToken, request: buildSendRequest(messages) });

async function recorded(reference: string): Promise<TRecordedMessage[]> {
  const { body } = await f.control("GET", `/_sim/messages?reference=${reference}`);
  return body["messages"] as TRecordedMessage[];
}

const card = (i: number) => ({
  header: `Card ${i}`,
  text: "Subtitle",
  image: { url: "https://cdn.example.com/c.jpg", mimeType: "image/jpeg" },
});

describe("client ↔ simulator round trip", () => {
  const contents: [string, TOutboundContent][] = [
    ["text", { kind: "text", text: "Thanks, an agent will look at your order." }],
    [
      "quick replies",
      {
        kind: "text",
        text: "Which size?",
        quickReplies: [
          { label: "Size 42", postbackData: "SIZE_42" },
          { label: "Size 43", postbackData: "SIZE_43" },
        ],
      },
    ],
    [
      "rich card",
      {
        kind: "card",
        card: {
          ...card(1),
          buttons: [
            { kind: "url", label: "Visit", url: "https://cm.com" },
            { kind: "reply", label: "Chat", postbackData: "HUMAN_AGENT" },
          ],
        },
      },
    ],
    [
      "carousel",
      {
        kind: "carousel",
        cards: [card(1), card(2), { header: "Three", buttons: [{ kind: "reply", label: "Pick", postbackData: "P3" }] }],
      },
    ],
  ];
  it.each(contents)("%s is accepted and recorded exactly as built", async (_name, content) => {
    const message = out(content);
    const result = await send(message);
    expect(result).toMatchObject({
      kind: "accepted",
      httpStatus: 200,
      messages: [{ to: CUSTOMER, status: "accepted", reference: message.reference, code: 0 }],
    });
    const [entry] = await recorded(message.reference);
    expect(entry?.msg).toEqual(buildInstagramMessage(message));
    expect(entry).toMatchObject({ to: [CUSTOMER], account: { igAccountId: IG_ACCOUNT }, truncations: [] });
  });

  it("truncates a 21-character label in what it records and reports the truncation", async () => {
    const message = out({
      kind: "text",
      text: "Pick",
      quickReplies: [{ label: "A label of 21 chars!!", postbackData: "X" }],
    });
    expect(await send(message)).toMatchObject({ kind: "accepted" });
    const [entry] = await recorded(message.reference);
    expect(entry?.msg.richContent?.conversation?.[0]?.suggestions?.[0]?.label).toBe("A label of 21 chars!");
    expect(entry?.truncations).toEqual([
      {
        field: "richContent.conversation[0].suggestions[0].label",
        original: "A label of 21 chars!!",
        truncated: "A label of 21 chars!",
      },
    ]);
  });
});

describe("simulator rejections with CM's codes", () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `R${i}`, postbackData: `P${i}` }));
  const cases: [string, TOutboundContent, number][] = [
    ["a 1001-character text", { kind: "text", text: "x".repeat(1001) }, 304],
    ["14 quick replies", { kind: "text", text: "pick", quickReplies: many(14) }, 305],
    ["11 cards", { kind: "carousel", cards: Array.from({ length: 11 }, (_, i) => card(i)) }, 305],
  ];
  it.each(cases)("rejects %s with %i and records nothing", async (_name, content, code) => {
    const message = out(content);
    const result = await send(message);
    expect(result).toMatchObject({
      kind: "rejected",
      httpStatus: 400,
      code,
      requestCode: 201,
      details: "Created 0 message(s)",
      retryable: false,
    });
    expect(await recorded(message.reference)).toEqual([]);
  });

  it("answers an unknown token with HTTP 400 and 101", async () => {
    const res = await fetch(`${f.sim.url}/v1.0/message`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CM-PRODUCTTOKEN": "00000000-0000-0000-0000-000000000000" },
      body: JSON.stringify(buildSendRequest([out({ kind: "text", text: "hi" })])),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      details: "No account found for the given authentication",
      errorCode: 101,
      messages: [],
    });
    const viaClient = await client().send({
      productToken: "00000000-0000-0000-0000-000000000000",
      request: buildSendRequest([out({ kind: "text", text: "hi" })]),
    });
    expect(viaClient).toMatchObject({ kind: "rejected", code: 101, retryable: false });
  });

  it("takes the token from the body in any casing, and answers junk with 202 and no msg with 203", async () => {
    const post = (body: string) =>
      fetch(`${f.sim.url}/v1.0/message`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    const auth = { producttoken: f.account.productToken };
    const ok = await post(
      JSON.stringify({
        messages: { authentication: auth, msg: buildSendRequest([out({ kind: "text", text: "hi" })]).messages.msg[0] },
      }),
    );
    expect(ok.status).toBe(200);
    const junk = await post("{not json");
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({ errorCode: 202, messages: [] });
    const noMsg = await post(JSON.stringify({ messages: { authentication: auth } }));
    expect(noMsg.status).toBe(400);
    expect(await noMsg.json()).toMatchObject({ errorCode: 203, messages: [] });
  });

  it("answers a mixed request with 200 and 201, one entry per recipient", async () => {
    const good = out({ kind: "text", text: "hi" });
    const wrongSender = { ...out({ kind: "text", text: "hi" }), from: "999" };
    const badRecipient = { ...out({ kind: "text", text: "hi" }), to: "not-an-igsid" };
    const result = await send(good, wrongSender, badRecipient);
    expect(result).toMatchObject({
      kind: "partial",
      httpStatus: 200,
      details: "Created 1 message(s)",
      messages: [
        { status: "accepted", code: 0, reference: good.reference },
        { status: "rejected", code: 301, reference: wrongSender.reference },
        { status: "rejected", code: 303, to: "not-an-igsid" },
      ],
    });
  });
});
