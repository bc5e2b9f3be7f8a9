import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type TDatabase } from "../../db/client";
import type { TIo } from "../../runtime";
import { TEST_APP_URL } from "../../testing/test-runtime";
import { createScratchPostgres, postgresReachable } from "../../testing/scratch-postgres";
import type { TConversationPresence } from "../conversation-presence-state";
import { createIo } from "./create-io";
import { EVENTS, type TClientToServerEvents, type TServerToClientEvents } from "../events";

// Two agents on two app instances (one PostgreSQL, the adapter between them) view one
// conversation: each sees the other, and the other's typing.
const run = (await postgresReachable()) ? describe : describe.skip;

run("presence in a conversation across instances [postgres]", () => {
  let drop: () => Promise<void>;
  const instances: { db: TDatabase; server: Server; io: TIo }[] = [];
  const clients: Socket<TServerToClientEvents, TClientToServerEvents>[] = [];
  const heard: TConversationPresence[][] = [];

  beforeAll(async () => {
    const scratch = await createScratchPostgres();
    drop = scratch.drop;
    for (const name of ["Sam", "Ada"]) {
      const db = await openDatabase({ url: scratch.url, dataDir: "" });
      const server = createServer();
      const io = await createIo(server, db.pool, {
        origins: [TEST_APP_URL],
        authenticate: async () => ({
          user: { id: `u-${name}`, email: `${name}@example.com`, name, role: "agent" },
          sessionId: `session-${name}`,
        }),
        accessibleAccounts: async () => [],
        mayViewConversation: async () => true,
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      instances.push({ db, server, io });
      const client: Socket<TServerToClientEvents, TClientToServerEvents> = connect(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        { transports: ["websocket"], reconnection: false, extraHeaders: { origin: TEST_APP_URL } },
      );
      const mine: TConversationPresence[] = [];
      client.on(EVENTS.conversationPresence, (presence) => mine.push(presence));
      heard.push(mine);
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

  it("tells the viewers on every instance who is there and who types", async () => {
    const [sam, ada] = clients;
    const [samHeard, adaHeard] = heard;
    const last = (list: TConversationPresence[] | undefined) => list?.at(-1);
    sam!.emit("conversation.view", { conversationId: "c1" });
    await expect.poll(() => last(samHeard)?.viewers.map((v) => v.name)).toEqual(["Sam"]);
    ada!.emit("conversation.view", { conversationId: "c1" });
    await expect.poll(() => last(samHeard)?.viewers.map((v) => v.name)).toEqual(["Ada", "Sam"]);
    await expect.poll(() => last(adaHeard)?.viewers.map((v) => v.name)).toEqual(["Ada", "Sam"]);

    sam!.emit("conversation.typing", { conversationId: "c1", typing: true });
    await expect.poll(() => last(adaHeard)?.typing.map((v) => v.name)).toEqual(["Sam"]);
    sam!.disconnect();
    await expect.poll(() => last(adaHeard)).toMatchObject({ viewers: [{ name: "Ada" }], typing: [] });
  });
});
