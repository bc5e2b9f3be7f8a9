import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getSignedInSession } from "../../auth/session";
import type { TIo } from "../../runtime";
import { accessibleAccountIds } from "../../server/access/account-access";
import { describeEachDatabase } from "../../testing/databases";
import { createTestRuntime, signedInCookie, TEST_APP_URL } from "../../testing/test-runtime";
import { createIo } from "./create-io";
import { EVENTS, UNAUTHORIZED } from "../events";
import { sweepSessions } from "./session-sweep";

describeEachDatabase("live connections and sessions", (ctx) => {
  let server: Server;
  let io: TIo;
  let url: string;
  const clients: Socket[] = [];

  beforeAll(async () => {
    const runtime = createTestRuntime(ctx.db);
    server = createServer();
    io = await createIo(server, ctx.db.pool, {
      origins: [TEST_APP_URL],
      authenticate: (headers) => getSignedInSession(runtime.auth, headers),
      accessibleAccounts: (user) => accessibleAccountIds(ctx.db.prisma, user),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cookies.agent = await signedInCookie(runtime, { email: "live@example.com", role: "agent" });
    cookies.other = await signedInCookie(runtime, { email: "live@example.com", role: "agent" }, "10.0.0.9");
  });
  afterAll(async () => {
    clients.forEach((c) => c.disconnect());
    await io.close();
  });
  const cookies: Record<string, string> = {};

  const open = (cookie?: string) => {
    const client = connect(url, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { origin: TEST_APP_URL, ...(cookie ? { cookie } : {}) },
    });
    clients.push(client);
    return client;
  };

  it("refuses a connection without a session", async () => {
    const error = await new Promise<Error>((resolve) => open().on("connect_error", resolve));
    expect(error.message).toBe(UNAUTHORIZED);
  });

  it("closes the sockets of a session that ended, and only those", async () => {
    const ending = open(cookies.agent);
    const staying = open(cookies.other);
    await Promise.all([ending, staying].map((c) => new Promise<void>((resolve) => c.on("connect", () => resolve()))));
    const told = new Promise<string>((resolve) => ending.on(EVENTS.sessionRevoked, ({ reason }) => resolve(reason)));
    const closed = new Promise<string>((resolve) => ending.on("disconnect", resolve));

    const token = decodeURIComponent(cookies.agent?.split("=")[1] ?? "").split(".")[0];
    await ctx.db.prisma.session.deleteMany({ where: { token } });

    expect(await sweepSessions(io, ctx.db.prisma, new Date())).toBe(1);
    expect(await told).toBe("Your session ended.");
    expect(await closed).toBe("io server disconnect");
    expect(staying.connected).toBe(true);
  });
});
