import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { TIo } from "../../runtime";
import { TEST_APP_URL } from "../../testing/test-runtime";
import { createIo } from "./create-io";
import { EVENTS } from "../events";
import { listOnlineUserIds } from "./presence";

// Issue 17: the Agents page showed its own admin "Offline" while her socket was live: the list
// had been answered before her socket connected. Now a socket's arrival and departure are
// announced to the admins, whose page asks again; and by then the socket counts.

let server: Server | undefined;
let io: TIo | undefined;
const clients: Socket[] = [];

afterEach(async () => {
  clients.splice(0).forEach((client) => client.disconnect());
  await io?.close();
  server = undefined;
});

async function start(): Promise<string> {
  server = createServer();
  io = await createIo(server, undefined, {
    origins: [TEST_APP_URL],
    authenticate: async (headers) => {
      const id = headers.get("x-user") ?? "";
      const role = id.startsWith("admin") ? "admin" : "agent";
      return { user: { id, email: `${id}@example.com`, name: id, role }, sessionId: `session-${id}` };
    },
    accessibleAccounts: async (user) => (user.role === "admin" ? null : ["account-1"]),
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function open(url: string, user: string): Socket {
  const client = connect(url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { origin: TEST_APP_URL, "x-user": user },
  });
  clients.push(client);
  return client;
}

const next = (client: Socket, event: string) => new Promise<void>((resolve) => client.once(event, () => resolve()));

describe("presence.changed", () => {
  it("tells an admin of her own socket's arrival, once it counts as online", async () => {
    const url = await start();
    const admin = open(url, "admin-ada");
    await next(admin, EVENTS.presenceChanged);
    expect([...(await listOnlineUserIds(io))]).toEqual(["admin-ada"]);
  });

  it("tells the admins, not the agents, when an agent comes and goes", async () => {
    const url = await start();
    const admin = open(url, "admin-ada");
    await next(admin, EVENTS.presenceChanged);
    let agentHeard = 0;
    const agent = open(url, "agent-sam");
    agent.on(EVENTS.presenceChanged, () => agentHeard++);
    await next(admin, EVENTS.presenceChanged);
    expect([...(await listOnlineUserIds(io))].sort()).toEqual(["admin-ada", "agent-sam"]);

    agent.disconnect();
    await next(admin, EVENTS.presenceChanged);
    expect([...(await listOnlineUserIds(io))]).toEqual(["admin-ada"]);
    expect(agentHeard).toBe(0);
  });
});
