import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appOrigins } from "../../http/app-origins";
import type { TIo } from "../../runtime";
import { createIo } from "./create-io";

// A real socket.io server for an app at http://localhost:3000. Everyone who reaches
// authentication is signed in (as a stolen-cookie page would be): what refuses a page of a
// sibling origin is the Origin check alone, on both transports.
const APP_URL = "http://localhost:3000";

describe("the live connection opens only from the app's own origins", () => {
  let server: Server;
  let io: TIo;
  let url: string;
  let authenticated = 0;

  beforeAll(async () => {
    server = createServer();
    io = await createIo(server, undefined, {
      origins: appOrigins(APP_URL),
      authenticate: async () => {
        authenticated++;
        return { user: { id: "u-ada", email: "ada@example.com", name: "Ada", role: "agent" }, sessionId: "s-ada" };
      },
      accessibleAccounts: async () => [],
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await io.close();
  });

  /** Whether a client with these headers gets a connection on this transport. */
  const opens = (transport: "websocket" | "polling", headers: Record<string, string>) => {
    const socket = connect(url, {
      transports: [transport],
      reconnection: false,
      forceNew: true,
      extraHeaders: headers,
    });
    return new Promise<boolean>((resolve) => {
      socket.on("connect", () => resolve(true));
      socket.on("connect_error", () => resolve(false));
    }).finally(() => socket.disconnect());
  };

  for (const transport of ["websocket", "polling"] as const) {
    it(`accepts the app's origin and its local twin over ${transport}`, async () => {
      expect(await opens(transport, { origin: "http://localhost:3000" })).toBe(true);
      expect(await opens(transport, { origin: "http://127.0.0.1:3000" })).toBe(true);
    });

    it(`refuses a sibling port, a sibling subdomain and another site over ${transport}, before any session lookup`, async () => {
      const before = authenticated;
      for (const origin of [
        "http://localhost:3001",
        "http://evil.localhost:3000",
        "https://localhost:3000",
        "https://attacker.example",
        "null",
      ]) {
        expect(await opens(transport, { origin }), origin).toBe(false);
      }
      expect(authenticated).toBe(before);
    });

    it(`without Origin, accepts only a browser's same-origin request over ${transport}`, async () => {
      expect(await opens(transport, {})).toBe(false);
      expect(await opens(transport, { "sec-fetch-site": "same-site" })).toBe(false);
      expect(await opens(transport, { "sec-fetch-site": "cross-site" })).toBe(false);
      expect(await opens(transport, { "sec-fetch-site": "same-origin" })).toBe(true);
    });
  }

  it("answers a foreign handshake 403 with the reason", async () => {
    const answer = await new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      const req = request(`${url}/socket.io/?EIO=4&transport=polling`, {
        headers: { origin: "http://localhost:3001" },
      });
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode, body }));
      });
      req.on("error", reject);
      req.end();
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("Only the inbox's own pages may open its live connection.");
  });
});
