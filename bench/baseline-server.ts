// A bare baseline for the webhook-intake benchmark: node:http + pg + socket.io, no framework.
// Per inbound-message webhook it does the app's durable work in one transaction (raw webhook
// with a unique key, contact upsert, conversation upsert, message insert), then emits
// `message.created` to every connected socket and answers 200. Any socket connection is accepted.
//
// Usage: tsx bench/baseline-server.ts [--port 4370] [--database-url postgres://…]
//        (or PORT / DATABASE_URL; BASELINE_IG_ACCOUNT_ID is the only account it takes webhooks for)
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { Server } from "socket.io";

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const PORT = Number(arg("port") ?? process.env.PORT ?? 4370);
const DATABASE_URL = arg("database-url") ?? process.env.DATABASE_URL;
const ACCOUNT = process.env.BASELINE_IG_ACCOUNT_ID ?? "17841400000000000";
const MAX_BODY = 64 * 1024;
if (!DATABASE_URL) {
  console.error("baseline-server: set --database-url or DATABASE_URL");
  process.exit(1);
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bl_webhook (id bigserial PRIMARY KEY, dedupe_key text NOT NULL UNIQUE,
  payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS bl_contact (id bigserial PRIMARY KEY, account_id text NOT NULL, igsid text NOT NULL,
  name text, username text, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, igsid));
CREATE TABLE IF NOT EXISTS bl_conversation (id bigserial PRIMARY KEY, account_id text NOT NULL,
  contact_id bigint NOT NULL REFERENCES bl_contact(id), last_message_at timestamptz NOT NULL,
  last_message_preview text NOT NULL DEFAULT '', last_inbound_at timestamptz, UNIQUE (account_id, contact_id));
CREATE INDEX IF NOT EXISTS bl_conversation_recent ON bl_conversation (last_message_at DESC);
CREATE TABLE IF NOT EXISTS bl_message (id bigserial PRIMARY KEY, conversation_id bigint NOT NULL REFERENCES bl_conversation(id),
  direction text NOT NULL, kind text NOT NULL, content jsonb NOT NULL, status text NOT NULL, dedupe_key text UNIQUE,
  sent_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS bl_message_thread ON bl_message (conversation_id, sent_at);`;

interface TInbound {
  igsid: string;
  name: string | null;
  username: string | null;
  to: string;
  text: string;
  at: Date;
  dedupeKey: string;
}

type TBody = Record<string, unknown>;
const obj = (value: unknown): TBody | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as TBody) : null;
const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** The few fields the baseline needs, or a reason for a 400. */
function parse(body: unknown): TInbound | string {
  const root = obj(body);
  const from = obj(root?.from);
  const to = obj(root?.to);
  const message = obj(root?.message);
  const igsid = str(from?.number);
  const account = str(to?.number);
  const text = typeof message?.text === "string" ? message.text : null;
  const at = new Date(`${String(root?.timeUtc ?? "")}Z`);
  if (!igsid || !account || text === null || Number.isNaN(at.getTime())) return "not a CM inbound message";
  const reference = str(root?.reference);
  const dedupeKey =
    reference ??
    createHash("sha256")
      .update(JSON.stringify([account, igsid, at.toISOString(), text]))
      .digest("hex");
  const username = str(obj(message?.custom)?.username);
  return { igsid, name: str(from?.name), username, to: account, text, at, dedupeKey };
}

const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
await pool.query(SCHEMA);

interface TMessageRow {
  id: string;
  conversationId: string;
  direction: string;
  kind: string;
  content: { text: string };
  status: string;
  sentAt: Date;
  createdAt: Date;
}

/** One transaction; null for a duplicate delivery (its webhook row already exists). */
async function store(raw: unknown, mo: TInbound): Promise<TMessageRow | null> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const hook = await client.query(
      "INSERT INTO bl_webhook (dedupe_key, payload) VALUES ($1, $2) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
      [mo.dedupeKey, JSON.stringify(raw)],
    );
    if (hook.rowCount === 0) {
      await client.query("ROLLBACK");
      return null;
    }
    const contact = await client.query<{ id: string }>(
      `INSERT INTO bl_contact (account_id, igsid, name, username) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, igsid) DO UPDATE SET name = COALESCE(EXCLUDED.name, bl_contact.name),
         username = COALESCE(EXCLUDED.username, bl_contact.username), updated_at = now()
       RETURNING id`,
      [mo.to, mo.igsid, mo.name, mo.username],
    );
    const conversation = await client.query<{ id: string }>(
      `INSERT INTO bl_conversation (account_id, contact_id, last_message_at, last_message_preview, last_inbound_at)
       VALUES ($1, $2, $3, $4, $3)
       ON CONFLICT (account_id, contact_id) DO UPDATE SET
         last_message_preview = CASE WHEN EXCLUDED.last_message_at >= bl_conversation.last_message_at
           THEN EXCLUDED.last_message_preview ELSE bl_conversation.last_message_preview END,
         last_message_at = GREATEST(bl_conversation.last_message_at, EXCLUDED.last_message_at),
         last_inbound_at = GREATEST(bl_conversation.last_inbound_at, EXCLUDED.last_inbound_at)
       RETURNING id`,
      [mo.to, contact.rows[0]?.id, mo.at, mo.text.slice(0, 200)],
    );
    const message = await client.query<TMessageRow>(
      `INSERT INTO bl_message (conversation_id, direction, kind, content, status, dedupe_key, sent_at)
       VALUES ($1, 'INBOUND', 'TEXT', $2, 'RECEIVED', $3, $4)
       RETURNING id::text, conversation_id::text AS "conversationId", direction, kind, content, status,
         sent_at AS "sentAt", created_at AS "createdAt"`,
      [conversation.rows[0]?.id, JSON.stringify({ text: mo.text }), mo.dedupeKey, mo.at],
    );
    await client.query("COMMIT");
    return message.rows[0] ?? null;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

// The reports benchmark's baseline: the overview's core figures for a range, in one hand-written
// statement over the app's own ReportEvent table (counts by kind, percentiles of the times).
const REPORT_SQL = `
SELECT kind, count(*)::int AS n,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
FROM "ReportEvent" WHERE "at" >= $1 AND "at" < $2 GROUP BY kind`;

async function report(url: URL, res: ServerResponse): Promise<void> {
  const from = new Date(url.searchParams.get("from") ?? "");
  const to = new Date(url.searchParams.get("to") ?? "");
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return answer(res, 400, { error: "from, to" });
  answer(res, 200, { figures: (await pool.query(REPORT_SQL, [from, to])).rows });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === "GET" && req.url === "/health") return answer(res, 200, { status: "ok" });
  if (req.method === "GET" && req.url?.startsWith("/report?")) return report(new URL(req.url, "http://x"), res);
  if (req.method === "POST" && req.url === "/refuse") {
    // The benchmark's floor: the body read, then refused before any database work.
    if ((await readBody(req)) === null) return answer(res, 413, { error: "body over 64 KB" });
    return answer(res, 401, { error: "unknown webhook URL" });
  }
  if (req.method !== "POST" || req.url !== "/webhook") return answer(res, 404, { error: "not found" });
  const raw = await readBody(req);
  if (raw === null) return answer(res, 413, { error: "body over 64 KB" });
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    return answer(res, 400, { error: "not JSON" });
  }
  const mo = parse(body);
  if (typeof mo === "string") return answer(res, 400, { error: mo });
  if (mo.to !== ACCOUNT) return answer(res, 403, { error: `not account ${ACCOUNT}` });
  const message = await store(body, mo);
  if (message) io.emit("message.created", { message });
  answer(res, 200, { ok: true, stored: message ? 1 : 0, duplicates: message ? 0 : 1 });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error("baseline-server:", error);
    if (!res.headersSent) answer(res, 500, { error: "internal" });
  });
});
const io = new Server(server, { serveClient: false, transports: ["websocket", "polling"] });

server.listen(PORT, "127.0.0.1", () => console.log(`baseline ready on http://127.0.0.1:${PORT}`));

const stop = () => {
  server.closeIdleConnections();
  void io.close();
  server.close(() => void pool.end().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
