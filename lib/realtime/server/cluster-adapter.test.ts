import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIo } from "../../runtime";
import { TEST_REDIS_URL as REDIS_URL, dropRedisStream, redisReachable } from "../../testing/scratch-redis";
import { TEST_APP_URL } from "../../testing/test-runtime";
import { createIo } from "./create-io";
import { EVENTS, ROOMS } from "../events";
import { listOnlineUserIds } from "./presence";

// REDIS_URL set: two instances share socket.io's events through a Redis stream. An event
// emitted on one reaches a client connected to the other; presence is asked across both.

const run = (await redisReachable()) ? describe : describe.skip;

run("socket.io over the Redis streams adapter [redis]", () => {
  // A stream of this run's own: runs side by side never hear each other.
  const stream = `ig-inbox-test-${randomBytes(6).toString("hex")}`;
  const instances: { server: Server; io: TIo; url: string }[] = [];
  const clients: Socket[] = [];

  beforeAll(async () => {
    for (const user of ["ada", "sam"]) {
      const server = createServer();
      const io = await createIo(server, undefined, {
        origins: [TEST_APP_URL],
        authenticate: async () => ({
          user: { id: user, email: `${user}@example.com`, name: user, role: "agent" },
          sessionId: `session-${user}`,
        }),
        accessibleAccounts: async () => ["account-1"],
        redis: { url: REDIS_URL, stream },
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      instances.push({ server, io, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    }
    for (const { url } of instances) {
      const client = connect(url, {
        transports: ["websocket"],
        reconnection: false,
        extraHeaders: { origin: TEST_APP_URL },
      });
      clients.push(client);
      await new Promise<void>((resolve) => client.on("connect", () => resolve()));
    }
  });
  afterAll(async () => {
    clients.forEach((c) => c.disconnect());
    for (const { io } of instances) await io.close();
    await dropRedisStream(stream);
  });

  it("delivers an event emitted on one instance to a client connected to the other", async () => {
    const [first] = instances;
    const [, onSecond] = clients;
    const payload = { conversationId: "c-1", contactId: "k-1" };
    // Emitted until heard: the other instance's stream reader may start a moment after connect.
    const heard = new Promise<unknown>((resolve) => onSecond!.once(EVENTS.contactUpdated, resolve));
    let received: unknown;
    void heard.then((value) => (received = value));
    await expect
      .poll(() => {
        if (received === undefined) first!.io.to(ROOMS.account("account-1")).emit(EVENTS.contactUpdated, payload);
        return received;
      })
      .toEqual(payload);
  });

  it("answers who is online with the users of both instances", async () => {
    await expect.poll(async () => [...(await listOnlineUserIds(instances[0]!.io))].sort()).toEqual(["ada", "sam"]);
  });
});
