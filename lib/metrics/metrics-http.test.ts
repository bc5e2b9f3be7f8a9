import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { disableMetrics, metrics } from "./metrics";
import { createMetricsHttpHandler } from "./metrics-http";

const TOKEN = "metrics-token-0123456789";
const sql = { query: async () => [] };

describe("/metrics", () => {
  let server: Server | undefined;
  afterEach(async () => {
    disableMetrics();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function start(token: string | undefined) {
    const handler = createMetricsHttpHandler(token, { sql });
    server = createServer((req, res) => {
      if (!handler(req, res)) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("is not there (404) and keeps nothing when METRICS_TOKEN is unset", async () => {
    const base = await start(undefined);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    metrics().webhookAnswered("messages", 200); // a no-op
    expect((await fetch(`${base}/other`)).status).toBe(418);
  });

  it("answers 401 without the token or with a wrong one, and the metrics with it", async () => {
    const base = await start(TOKEN);
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    metrics().webhookAnswered("status-reports", 503);
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toContain('inbox_webhooks_received_total{kind="status-reports",status="503"} 1');
  });
});
