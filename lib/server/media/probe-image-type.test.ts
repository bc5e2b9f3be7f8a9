import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress, probeImageType } from "./probe-image-type";

describe("isPrivateAddress", () => {
  it("flags loopback, private, link-local, shared and mapped addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "[::1]",
      "not-an-ip",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it("lets public addresses through", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});

describe("probeImageType", () => {
  let server: Server;
  let origin: string;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === "/redirect") {
        res.writeHead(302, { location: "/png" }).end();
        return;
      }
      const type = req.url === "/png" ? "image/png; charset=binary" : "text/html";
      res.writeHead(200, { "content-type": type }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("reads the Content-Type of a HEAD answer from an origin of ours", async () => {
    expect(await probeImageType(`${origin}/png`, { allowedOrigins: [origin] })).toBe("image/png");
    expect(await probeImageType(`${origin}/page`, { allowedOrigins: [origin] })).toBeNull();
  });

  it("does not follow redirects", async () => {
    expect(await probeImageType(`${origin}/redirect`, { allowedOrigins: [origin] })).toBeNull();
  });

  it("never contacts a loopback or private address that is not ours, by IP or by name", async () => {
    const before = hits;
    const port = new URL(origin).port;
    for (const url of [
      `${origin}/png`,
      `http://localhost:${port}/png`,
      `http://[::1]:${port}/png`,
      `http://169.254.169.254/latest/meta-data`,
      "file:///etc/passwd",
      `http://user:pass@127.0.0.1:${port}/png`,
    ]) {
      expect(await probeImageType(url, { allowedOrigins: ["https://inbox.example"] }), url).toBeNull();
    }
    expect(hits).toBe(before);
  });

  it("refuses a public-looking name that resolves to a private address (no connection made)", async () => {
    const before = hits;
    const port = new URL(origin).port;
    const asked: string[] = [];
    const resolve = (name: string) => {
      asked.push(name);
      return Promise.resolve(
        name === "rebind.example"
          ? [{ address: "127.0.0.1", family: 4 }]
          : [
              { address: "93.184.216.34", family: 4 },
              { address: "10.0.0.5", family: 4 },
            ],
      );
    };
    for (const url of [`http://rebind.example:${port}/png`, `http://mixed.example:${port}/png`]) {
      expect(await probeImageType(url, { allowedOrigins: [], resolve }), url).toBeNull();
    }
    // The names were resolved by the check (so the connection would use what it approved)…
    expect(asked).toEqual(["rebind.example", "mixed.example"]);
    // …and nothing reached the local server they point at.
    expect(hits).toBe(before);
  });
});
