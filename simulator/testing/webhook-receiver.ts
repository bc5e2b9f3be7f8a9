import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server standing in for the app's webhooks in tests: records every POST body and
// answers with a scripted status (200 unless told otherwise).

export type TReceived = { path: string; body: unknown; at: number };

export type TWebhookReceiver = {
  url: string;
  received: TReceived[];
  on(path: string): TReceived[];
  /** The next `count` requests get `status` instead of 200. */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<TWebhookReceiver> {
  const received: TReceived[] = [];
  let failures: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const status = failures.shift() ?? 200;
      if (status === 200)
        received.push({
          path: req.url ?? "/",
          body: text === "" ? undefined : (JSON.parse(text) as unknown),
          at: Date.now(),
        });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    on: (path) => received.filter((r) => r.path === path),
    failNext(count, status = 500) {
      failures = [...failures, ...Array.from({ length: count }, () => status)];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
