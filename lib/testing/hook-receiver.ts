import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyHookSignature } from "../hooks/signature";

// A webhook receiver for tests (issue 21): it checks every delivery's Standard Webhooks
// signature, keeps each webhook-id once (at-least-once delivery: a repeat is counted, not
// kept), and answers what the test says (a status per request, in turn).

export interface TReceivedHook {
  id: string;
  type: string;
  conversationId: string | null;
  body: {
    type: string;
    data: { object: Record<string, unknown> | null; changes: Record<string, unknown> | null };
  } & Record<string, unknown>;
}

export interface THookReceiver {
  url: string;
  /** Distinct deliveries, in the order first received. */
  received: TReceivedHook[];
  /** Every request, repeats included, with the status answered. */
  requests: { id: string; status: number }[];
  /** Requests whose signature did not verify (must stay 0). */
  badSignatures: number;
  /** Set after creating the endpoint: the receiver verifies with it. */
  secret: string;
  /** The statuses to answer next, in turn; then 200. */
  answer: (...statuses: number[]) => void;
  /** Answer each request only after this many milliseconds (a slow receiver). */
  slowMs: number;
  /** Forgets the statuses still queued: 200 from now on. */
  recover: () => void;
  close: () => Promise<void>;
}

export async function startHookReceiver(): Promise<THookReceiver> {
  const queued: number[] = [];
  const seen = new Set<string>();
  const receiver = {
    url: "",
    received: [] as TReceivedHook[],
    requests: [] as { id: string; status: number }[],
    badSignatures: 0,
    secret: "",
    slowMs: 0,
    answer: (...statuses: number[]) => void queued.push(...statuses),
    recover: () => void queued.splice(0),
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const id = String(req.headers["webhook-id"] ?? "");
      const ok = verifyHookSignature(
        receiver.secret,
        {
          id,
          timestamp: String(req.headers["webhook-timestamp"] ?? ""),
          signature: String(req.headers["webhook-signature"] ?? ""),
        },
        body,
        { toleranceSeconds: 10 * 24 * 3600 },
      );
      if (!ok) receiver.badSignatures++;
      const status = queued.shift() ?? 200;
      receiver.requests.push({ id, status });
      if (status >= 200 && status < 300 && ok && !seen.has(id)) {
        seen.add(id);
        const parsed = JSON.parse(body) as TReceivedHook["body"] & { conversationId: string | null };
        receiver.received.push({ id, type: parsed.type, conversationId: parsed.conversationId, body: parsed });
      }
      const reply = () =>
        res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `answered ${status}`);
      if (receiver.slowMs > 0) setTimeout(reply, receiver.slowMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // The app keeps its connections for the next delivery: end them too.
      server.closeAllConnections();
    });
  return receiver;
}
