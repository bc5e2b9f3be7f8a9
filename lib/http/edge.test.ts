import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createEdge, edgeServerOptions } from "./edge";
import { CLIENT_IP_HEADER } from "./request-headers";

// The edge on a real Node.js server, wired as server.ts wires it: what a client sees on the wire.

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function start(): Promise<string> {
  const appUrl = "http://localhost:3000";
  const edge = createEdge({ appUrl, appOrigins: [appUrl], trustProxy: true, trustedHops: 1 });
  const started = createServer(edgeServerOptions({ requestTimeoutMs: 60_000 }), (req, res) => {
    if (edge(req, res)) return;
    req.resume();
    req.on("end", () => res.end(JSON.stringify({ ip: req.headers[CLIENT_IP_HEADER] })));
  });
  server = started;
  await new Promise<void>((resolve) => started.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
}

type TOutcome = { status: number; body: string } | { error: string };

/** Sends `size` bytes as fast as the socket takes them (generated as sent), declared or chunked. */
function send(url: string, size: number, headers: Record<string, string>): Promise<TOutcome> {
  return new Promise((resolve) => {
    const req = request(url, { method: "POST", headers });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent >= size) return this.push(null);
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        this.push(part);
      },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => {
        body.destroy();
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    req.on("error", (error) => resolve({ error: error.message }));
    body.on("error", () => {});
    body.pipe(req);
  });
}

const JSON_SAME_ORIGIN = { origin: "http://localhost:3000", "content-type": "application/json" };

describe("createEdge on a real server", () => {
  it("answers 413 to a declared-too-large body, and a client still writing reads it (no reset)", async () => {
    const url = await start();
    const size = 50 * 1024 * 1024;
    for (let i = 0; i < 5; i++) {
      const outcome = await send(`${url}/api/auth/sign-in/email`, size, {
        ...JSON_SAME_ORIGIN,
        "content-length": String(size),
      });
      expect(outcome).toMatchObject({ status: 413 });
    }
  });

  it("cuts off a chunked body past the route's limit with 413", async () => {
    const url = await start();
    const outcome = await send(`${url}/api/admin/users`, 20 * 1024 * 1024, JSON_SAME_ORIGIN);
    expect(outcome).toMatchObject({ status: 413 });
    expect((outcome as { body: string }).body).toContain("262144");
  });

  it("refuses a sibling origin's write with 403 and a reason, and lets the app's own through", async () => {
    const url = await start();
    const refused = await send(`${url}/api/admin/users`, 10, { ...JSON_SAME_ORIGIN, origin: "http://localhost:3001" });
    expect(refused).toMatchObject({ status: 403 });
    expect((refused as { body: string }).body).toContain("FORBIDDEN");
    expect(await send(`${url}/api/admin/users`, 10, JSON_SAME_ORIGIN)).toMatchObject({ status: 200 });
  });

  it("passes on the address our proxy appended and says HSTS when the proxy reports HTTPS", async () => {
    const url = await start();
    const answer = await fetch(`${url}/api/health`, {
      headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-forwarded-proto": "https" },
    });
    expect(await answer.json()).toEqual({ ip: "203.0.113.9" });
    expect(answer.headers.get("strict-transport-security")).toBe("max-age=63072000");
    expect((await fetch(`${url}/api/health`)).headers.get("strict-transport-security")).toBeNull();
  });
});
