import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { currentLogContext } from "./logger";
import { loggedPath, observeRequests } from "./request-log";

describe("loggedPath", () => {
  it("drops the query string and the secrets paths carry", () => {
    expect(loggedPath("/api/webhooks/cm/abcDEF0123456789xyz/messages?x=1")).toBe("/api/webhooks/cm/[secret]/messages");
    expect(loggedPath("/media/ck123abc.jpg")).toBe("/media/[id]");
    expect(loggedPath("/api/auth/reset-password?token=abc")).toBe("/api/auth/reset-password");
    expect(loggedPath(undefined)).toBe("/");
  });
});

describe("observeRequests", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function start() {
    const seen: (string | undefined)[] = [];
    server = createServer(
      observeRequests((req, res) => {
        seen.push(currentLogContext()?.reqId);
        res.end(String(req.headers["x-request-id"]));
      }),
    );
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
  }

  it("keeps the proxy's valid X-Request-Id, echoes it, and hands it to the handler", async () => {
    const { url, seen } = await start();
    const response = await fetch(url, { headers: { "x-request-id": "proxy-req-0001" } });
    expect(response.headers.get("x-request-id")).toBe("proxy-req-0001");
    expect(await response.text()).toBe("proxy-req-0001");
    expect(seen).toEqual(["proxy-req-0001"]);
  });

  it("replaces a missing or malformed id with a fresh one", async () => {
    const { url } = await start();
    for (const given of [undefined, "short", "bad id with spaces\u0000"]) {
      const response = await fetch(url, given ? { headers: { "x-request-id": given.replace("\u0000", "") } } : {});
      const id = response.headers.get("x-request-id") ?? "";
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.text()).toBe(id);
    }
  });
});
