import { describe, expect, it } from "vitest";
import { buildSendRequest } from "./build-send-request";
import { CM_ERROR_CODES, describeCmCode } from "./cm-codes";
import { createCmClient, type TCmSendResult } from "./client";

const TOKEN = "11111111-2222-3333-4444-555555555555";
const request = buildSendRequest([
  { from: "1784", to: "6543", reference: "ref1", content: { kind: "text", text: "hi" } },
]);

function fakeFetch(status: number, body: unknown, seen?: { url?: string; init?: RequestInit }): typeof fetch {
  return async (url, init) => {
    if (seen) Object.assign(seen, { url: String(url), init });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
  };
}

function send(f: typeof fetch): Promise<TCmSendResult> {
  return createCmClient({ baseUrl: "http://cm.test/", fetch: f }).send({ productToken: TOKEN, request });
}

const rejectedMessage = (code: number) => ({
  to: "6543",
  status: "Rejected",
  reference: "ref1",
  parts: 0,
  messageDetails: "no",
  messageErrorCode: code,
});

describe("createCmClient request", () => {
  it("POSTs JSON to {baseUrl}/v1.0/message with the token in the header only", async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const withBodyAuth = { messages: { ...request.messages, authentication: { productToken: TOKEN } } };
    await createCmClient({
      baseUrl: "http://cm.test/",
      fetch: fakeFetch(200, { errorCode: 0, messages: [] }, seen),
    }).send({
      productToken: TOKEN,
      request: withBodyAuth,
    });
    expect(seen.url).toBe("http://cm.test/v1.0/message");
    const headers = new Headers(seen.init?.headers);
    expect(headers.get("X-CM-PRODUCTTOKEN")).toBe(TOKEN);
    expect(headers.get("Accept")).toBe("application/json");
    expect(String(seen.init?.body)).not.toContain(TOKEN);
    expect(JSON.parse(String(seen.init?.body))).toEqual(request);
  });
});

describe("createCmClient references", () => {
  it("gives a msg without a reference a fresh one", async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const { reference: _r, ...msg } = request.messages.msg[0]!;
    await createCmClient({ fetch: fakeFetch(200, { errorCode: 0 }, seen) }).send({
      productToken: TOKEN,
      request: { messages: { msg: [msg] } },
    });
    expect(seen.url).toBe("https://gw.messaging.cm.com/v1.0/message");
    expect(JSON.parse(String(seen.init?.body)).messages.msg[0].reference).toMatch(/^[A-Za-z0-9]{24,32}$/);
  });
});

describe("CM codes → result", () => {
  const requestLevel: [number, boolean][] = [
    [101, false],
    [102, false],
    [103, false],
    [202, false],
    [203, false],
    [500, true],
    [999, true],
  ];
  it.each(requestLevel)("request-level %i → rejected, retryable=%s", async (code, retryable) => {
    const result = await send(fakeFetch(400, { details: "x", errorCode: code, messages: [] }));
    expect(result).toMatchObject({ kind: "rejected", code, requestCode: code, retryable });
  });

  const perMessage: [number, boolean][] = [
    [301, false],
    [302, false],
    [303, false],
    [304, false],
    [305, false],
    [401, false],
    [402, false],
    [403, false],
    [500, true],
    [999, true],
  ];
  it.each(perMessage)(
    "all rejected with messageErrorCode %i (HTTP 400, 201) → rejected, retryable=%s",
    async (code, retryable) => {
      const result = await send(
        fakeFetch(400, { details: "Created 0 message(s)", errorCode: 201, messages: [rejectedMessage(code)] }),
      );
      expect(result).toMatchObject({
        kind: "rejected",
        code,
        requestCode: 201,
        retryable,
        messages: [{ status: "rejected", code }],
      });
    },
  );

  it("a rejection without any code is permanent", async () => {
    const result = await send(
      fakeFetch(400, { details: "Created 0 message(s)", messages: [{ to: "6543", status: "Rejected" }] }),
    );
    expect(result).toMatchObject({ kind: "rejected", retryable: false });
  });

  it("codes given as strings are read as numbers", async () => {
    const result = await send(
      fakeFetch(400, { errorCode: "201", messages: [{ ...rejectedMessage(0), messageErrorCode: "304" }] }),
    );
    expect(result).toMatchObject({ kind: "rejected", code: 304 });
  });

  it("0 → accepted; 201 with one accepted and one rejected → partial", async () => {
    const accepted = {
      to: "6543",
      status: "Accepted",
      reference: "ref1",
      parts: 1,
      messageDetails: null,
      messageErrorCode: 0,
    };
    expect(
      await send(fakeFetch(200, { details: "Created 1 message(s)", errorCode: 0, messages: [accepted] })),
    ).toMatchObject({
      kind: "accepted",
      messages: [{ status: "accepted", reference: "ref1", code: 0 }],
    });
    expect(await send(fakeFetch(200, { errorCode: 201, messages: [accepted, rejectedMessage(304)] }))).toMatchObject({
      kind: "partial",
      retryable: false,
    });
  });

  const transport: [string, typeof fetch, object][] = [
    [
      "HTTP 503 without CM body",
      fakeFetch(503, "<html>bad gateway</html>"),
      { reason: "http", status: 503, retryable: true },
    ],
    ["HTTP 429", fakeFetch(429, ""), { reason: "http", status: 429, retryable: true }],
    ["HTTP 401 without CM body", fakeFetch(401, ""), { reason: "http", status: 401, retryable: false }],
    ["HTTP 200 with junk", fakeFetch(200, "not json"), { reason: "bad_response", status: 200, retryable: false }],
    [
      "network error",
      async () => {
        throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
      },
      { reason: "network", retryable: true },
    ],
  ];
  it.each(transport)("%s → transport failure", async (_name, f, expected) => {
    expect(await send(f)).toMatchObject({ kind: "transport", ...expected });
  });

  it("has plain words for every code", () => {
    for (const code of Object.keys(CM_ERROR_CODES)) expect(describeCmCode(Number(code))).not.toMatch(/unlisted/);
    expect(describeCmCode(101)).toBe("The product token is not known to CM (authentication failed)");
    expect(describeCmCode(777)).toContain("777");
  });
});

describe("token secrecy", () => {
  it("never returns the token, even when CM or the network echoes it", async () => {
    const echoes: (typeof fetch)[] = [
      fakeFetch(400, { details: `No account found for ${TOKEN}`, errorCode: 101, messages: [] }),
      fakeFetch(400, { errorCode: 201, messages: [{ ...rejectedMessage(305), messageDetails: `bad ${TOKEN}` }] }),
      fakeFetch(500, TOKEN),
      fakeFetch(200, `{"oops": "${TOKEN}"`),
      async () => {
        throw new Error(`boom ${TOKEN}`, { cause: new Error(`cause ${TOKEN}`) });
      },
    ];
    for (const f of echoes) {
      const result = await send(f);
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    }
  });
});
