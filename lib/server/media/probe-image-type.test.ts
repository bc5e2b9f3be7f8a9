import { createServer, type Server } from "node:http";
import { networkInterfaces } from "node:os";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeImageType } from "./probe-image-type";

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

  it("never contacts this machine at its own public-facing address, nor documentation ranges", async () => {
    const own = Object.values(networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .find((entry) => !entry.internal && entry.family === "IPv4")?.address;
    expect(own, "this machine has a non-loopback IPv4 address").toBeDefined();
    // The same server, also listening where the outside world reaches this machine.
    const outer = createServer((_, res) => {
      hits++;
      res.writeHead(200, { "content-type": "image/png" }).end();
    });
    await new Promise<void>((resolve) => outer.listen(0, own, resolve));
    const port = (outer.address() as AddressInfo).port;
    try {
      const before = hits;
      const targets = [own ?? "", "192.0.2.1", "198.51.100.1", "203.0.113.1", "2001:db8::1"];
      for (const address of targets) {
        const resolve = () => Promise.resolve([{ address, family: address.includes(":") ? 6 : 4 }]);
        const url = `http://images.example:${port}/png`;
        expect(await probeImageType(url, { allowedOrigins: [], resolve, deadlineMs: 500 }), address).toBeNull();
      }
      expect(await probeImageType(`http://${own}:${port}/png`, { allowedOrigins: [] })).toBeNull();
      expect(hits).toBe(before);
    } finally {
      await new Promise<void>((resolve) => outer.close(() => resolve()));
    }
  });

  it("gives up at its deadline on a server that never goes idle (a byte at a time), and hangs up", async () => {
    const answer = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 0\r\n\r\n";
    let sent = 0;
    let hungUp: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (hungUp = resolve));
    const drip = createTcpServer((socket) => {
      // Each byte comes well inside any idle timeout; the whole answer takes ~2.5 s.
      const timer = setInterval(() => {
        if (sent < answer.length) socket.write(answer[sent++] ?? "");
      }, 30);
      socket.on("close", () => {
        clearInterval(timer);
        hungUp();
      });
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => drip.listen(0, "127.0.0.1", resolve));
    const dripOrigin = `http://127.0.0.1:${(drip.address() as AddressInfo).port}`;
    try {
      const type = await probeImageType(`${dripOrigin}/slow`, { allowedOrigins: [dripOrigin], deadlineMs: 300 });
      await closed;
      expect(type).toBeNull();
      // Cut off mid-answer: the deadline, not the end of the answer, ended it.
      expect(sent).toBeLessThan(answer.length);
    } finally {
      await new Promise<void>((resolve) => drip.close(() => resolve()));
    }
  });
});
