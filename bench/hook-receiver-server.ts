// Webhook receivers for the intake benchmark's hooks targets (bench/ingest/hooks.ts starts this
// as a child process, so that receiving does not load the load generator's event loop): one
// node:http server per port, each answering every POST 200 at once and counting requests,
// distinct `webhook-id`s, event types, the bench tokens of `message.created`, and each
// webhook's lag (arrival − its payload's `timestamp`, when the change happened). GET /stats on
// any port gives every receiver's counters; GET /tokens?prefix=… their tokens with a prefix;
// GET /lags?from=a,b the lag percentiles of the webhooks after the a-th (b-th, …) of each.
//
// Usage: tsx bench/hook-receiver-server.ts --ports 4470,4471
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

interface TReceiver {
  port: number;
  requests: number;
  ids: Set<string>;
  types: Map<string, number>;
  /** Tokens (bench-<run>-<phase>-<n>) of the message.created bodies received. */
  tokens: Set<string>;
  /** Date.now() of the last POST. */
  lastAt: number | null;
  /** ms from each webhook's change to its arrival, in arrival order. */
  lags: number[];
}

const arg = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const ports = (arg("ports") ?? "")
  .split(",")
  .map(Number)
  .filter((port) => Number.isInteger(port) && port > 0);
if (ports.length === 0) {
  console.error("usage: hook-receiver-server.ts --ports 4470,4471");
  process.exit(2);
}

const receivers: TReceiver[] = ports.map((port) => ({
  port,
  requests: 0,
  ids: new Set(),
  types: new Map(),
  tokens: new Set(),
  lastAt: null,
  lags: [],
}));
const TOKEN = /bench-[0-9a-f]+-[a-z0-9]+-\d+/;

/** Ids that every receiver has. */
function common(): number {
  const [smallest, ...others] = [...receivers].sort((a, b) => a.ids.size - b.ids.size);
  if (!smallest) return 0;
  let count = 0;
  for (const id of smallest.ids) if (others.every((r) => r.ids.has(id))) count++;
  return count;
}

function stats(full: boolean) {
  return {
    receivers: receivers.map((r) => ({
      port: r.port,
      requests: r.requests,
      distinct: r.ids.size,
      types: Object.fromEntries(r.types),
      lastAt: r.lastAt,
      lagCount: r.lags.length,
    })),
    common: full ? common() : null,
  };
}

function answerJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function handle(receiver: TReceiver, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://receiver");
  if (req.method === "GET" && url.pathname === "/stats") return answerJson(res, stats(url.searchParams.has("full")));
  if (req.method === "GET" && url.pathname === "/lags") {
    const from = (url.searchParams.get("from") ?? "").split(",").map(Number);
    return answerJson(res, {
      receivers: receivers.map((r, i) => {
        const lags = r.lags.slice(from[i] || 0).sort((a, b) => a - b);
        const at = (p: number) => lags[Math.min(lags.length - 1, Math.floor((p / 100) * lags.length))] ?? null;
        return { count: lags.length, p50: at(50), p99: at(99), max: lags.at(-1) ?? null };
      }),
    });
  }
  if (req.method === "GET" && url.pathname === "/tokens") {
    const prefix = url.searchParams.get("prefix") ?? "";
    return answerJson(res, {
      receivers: receivers.map((r) => [...r.tokens].filter((token) => token.startsWith(prefix))),
    });
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    receiver.requests++;
    receiver.lastAt = Date.now();
    const id = req.headers["webhook-id"];
    if (typeof id === "string") receiver.ids.add(id);
    const body = Buffer.concat(chunks).toString("utf8");
    let payload: { type?: unknown; timestamp?: unknown; data?: { object?: unknown } } = {};
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch {
      // Counted as "(not JSON)".
    }
    const type = typeof payload.type === "string" ? payload.type : "(not JSON)";
    receiver.types.set(type, (receiver.types.get(type) ?? 0) + 1);
    const changedAt = typeof payload.timestamp === "string" ? Date.parse(payload.timestamp) : NaN;
    if (!Number.isNaN(changedAt)) receiver.lags.push(receiver.lastAt - changedAt);
    if (type === "message.created") {
      const token = TOKEN.exec(JSON.stringify(payload.data?.object ?? null))?.[0];
      if (token) receiver.tokens.add(token);
    }
    res.writeHead(200, { "content-type": "text/plain", "content-length": 2 });
    res.end("ok");
  });
}

for (const receiver of receivers) {
  const server = createServer((req, res) => handle(receiver, req, res));
  server.keepAliveTimeout = 5_000;
  server.listen(receiver.port, "127.0.0.1");
}
console.log(`hook receivers listening on ${ports.join(", ")}`);
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
