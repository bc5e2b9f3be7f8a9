import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createAccountStore, type TSimAccount } from "./accounts";
import type { TSimContext } from "./context";
import { handleControl } from "./control-api";
import { createFaultStore } from "./faults";
import { handleSend } from "./gateway";
import { sendHtml, sendJson } from "./http-io";
import { createLifecycle } from "./lifecycle";
import { createMessageLog } from "./message-log";
import { renderUiPage } from "./ui-page";
import { createWebhookSender } from "./webhook-sender";

// A stand-in for CM's Business Messaging gateway and Channels app, for development and tests.
// One instance per call; tests start it on port 0 and talk to it over real HTTP.

export type TSimulatorOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  accounts?: readonly TSimAccount[];
  /** Pause before each status report (accepted, then delivered/failed). */
  statusDelayMs?: number;
  /** Waits between webhook retries; the length is the number of retries. */
  webhookRetryDelaysMs?: readonly number[];
  webhookTimeoutMs?: number;
  log?: (line: string) => void;
};

export type TSimulator = { url: string; port: number; close(): Promise<void> };

export async function createSimulator(options: TSimulatorOptions = {}): Promise<TSimulator> {
  const lifecycle = createLifecycle();
  const faults = createFaultStore();
  const log = options.log ?? (() => {});
  const ctx: TSimContext = {
    accounts: createAccountStore(options.accounts),
    messages: createMessageLog(),
    lastCustomerMids: new Map(),
    faults,
    failing: new Map(),
    webhooks: createWebhookSender({
      faults,
      lifecycle,
      retryDelaysMs: options.webhookRetryDelaysMs ?? [100, 300, 1000],
      timeoutMs: options.webhookTimeoutMs ?? 5_000,
    }),
    lifecycle,
    delayMs: options.statusDelayMs ?? 50,
    log,
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator");
    if (req.method === "POST" && url.pathname.replace(/\/+$/, "") === "/v1.0/message") return handleSend(ctx, req, res);
    if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/_sim" || url.pathname === "/_sim/")) {
      return sendHtml(res, renderUiPage(ctx.accounts.list(), ctx.messages.list().slice(-20).reverse()));
    }
    if (url.pathname.startsWith("/_sim/") && (await handleControl(ctx, req, res, url))) return;
    sendJson(res, 404, { error: `no route for ${req.method ?? "?"} ${url.pathname}` });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (lifecycle.closed) return;
      log(`error handling ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: "simulator error" });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === undefined || options.host === "0.0.0.0" ? "127.0.0.1" : options.host;

  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      await lifecycle.close();
      // Hung requests (the `hang` fault) keep their sockets; close them so the server can stop.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
