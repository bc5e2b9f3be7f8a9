import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A minimal stand-in for CM's send endpoint, for domain tests that need exact control over
// the answer. The full simulator (simulator/) is exercised end to end by the browser tests.

export type TFakeAnswer = { status: number; body: unknown } | "hang";

export interface TFakeCm {
  url: string;
  requests: { headers: IncomingMessage["headers"]; body: unknown }[];
  answer: (next: (body: unknown) => TFakeAnswer | Promise<TFakeAnswer>) => void;
  close: () => Promise<void>;
}

export async function startFakeCm(): Promise<TFakeCm> {
  const requests: TFakeCm["requests"] = [];
  const open = new Set<ServerResponse>();
  let respond: (body: unknown) => TFakeAnswer | Promise<TFakeAnswer> = (body) => accepted(body);
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    const reply = async () => {
      const body: unknown = JSON.parse(text || "null");
      requests.push({ headers: req.headers, body });
      const answer = await respond(body);
      if (answer === "hang") {
        open.add(res);
        return;
      }
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    };
    req.on("end", () => void reply());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer: (next) => (respond = next),
    close: () =>
      new Promise((resolve) => {
        open.forEach((res) => res.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** CM's answer when every message was accepted. */
export function accepted(body: unknown): TFakeAnswer {
  const msg = (body as { messages: { msg: { to: { number: string }[]; reference: string }[] } }).messages.msg;
  return {
    status: 200,
    body: {
      details: `Created ${msg.length} message(s)`,
      errorCode: 0,
      messages: msg.map((m) => ({
        to: m.to[0]?.number,
        status: "Accepted",
        reference: m.reference,
        parts: 1,
        messageDetails: null,
        messageErrorCode: 0,
      })),
    },
  };
}
