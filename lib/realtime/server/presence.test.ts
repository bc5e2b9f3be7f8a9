import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type TDatabase } from "../../db/client";
import type { TIo } from "../../runtime";
import { TEST_APP_URL } from "../../testing/test-runtime";
import { createScratchPostgres, postgresReachable } from "../../testing/scratch-postgres";
import { createIo } from "./create-io";
import { listOnlineUserIds } from "./presence";

// Issue 8: right after an instance died, the Agents page answered 500 for ~10 s, because the
// online list waited for the dead instance. Three instances on one PostgreSQL; one stops
// answering (as a dead one does), and the others' answer still comes, with what they know.
const run = (await postgresReachable()) ? describe : describe.skip;

run("who is online, across instances [postgres]", () => {
  let drop: () => Promise<void>;
  const instances: { db: TDatabase; server: Server; io: TIo; url: string }[] = [];
  const clients: Socket[] = [];

  beforeAll(async () => {
    const scratch = await createScratchPostgres();
    drop = scratch.drop;
    for (const user of ["ada", "sam", "kim"]) {
      const db = await openDatabase({ url: scratch.url, dataDir: "" });
      const server = createServer();
      const io = await createIo(server, db.pool, {
        origins: [TEST_APP_URL],
        authenticate: async () => ({
          user: { id: user, email: `${user}@example.com`, name: user, role: "agent" },
          sessionId: `session-${user}`,
        }),
        accessibleAccounts: async () => [],
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      instances.push({ db, server, io, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
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
    for (const { io, db } of instances) {
      await io.close();
      await db.close();
    }
    await drop();
  });

  it("lists the users of every instance, and only the living ones' when one stops answering", async () => {
    const [first, , third] = instances;
    await expect.poll(async () => [...(await listOnlineUserIds(first!.io))].sort()).toEqual(["ada", "kim", "sam"]);

    third!.io.removeAllListeners("presence.query");
    // socket.io's fetchSockets() would fail here (timeout waiting for the silent instance).
    expect([...(await listOnlineUserIds(first!.io))].sort()).toEqual(["ada", "sam"]);
  });
});
