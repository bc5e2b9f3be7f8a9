import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIo } from "../../runtime";
import { TEST_APP_URL } from "../../testing/test-runtime";
import type { TConversationPresence } from "../conversation-presence-state";
import { createIo } from "./create-io";
import { EVENTS, ROOMS, type TClientToServerEvents, type TServerToClientEvents } from "../events";

// A real socket.io server (one instance, in-memory adapter). Users are named by a test header;
// Kim may see only conversation "open", Sam and Ada every conversation.
const USERS = {
  sam: { id: "u-sam", email: "sam@example.com", name: "Sam", role: "agent" },
  ada: { id: "u-ada", email: "ada@example.com", name: "Ada", role: "agent" },
  kim: { id: "u-kim", email: "kim@example.com", name: "Kim", role: "agent" },
} as const;
type TClient = Socket<TServerToClientEvents, TClientToServerEvents>;

describe("presence in a conversation", () => {
  let server: Server;
  let io: TIo;
  let url: string;
  const clients: TClient[] = [];
  const checks: { user: string; conversationId: string; allowed: boolean }[] = [];
  // Conversations Kim lost access to (an admin removed her from the account).
  const revoked = new Set<string>();

  beforeAll(async () => {
    server = createServer();
    io = await createIo(server, undefined, {
      origins: [TEST_APP_URL],
      authenticate: async (headers) => {
        const user = USERS[headers.get("x-test-user") as keyof typeof USERS];
        return user ? { user, sessionId: `session-${user.id}-${Math.random()}` } : null;
      },
      accessibleAccounts: async () => null,
      mayViewConversation: async (user, conversationId) => {
        const allowed = user.id !== USERS.kim.id || (conversationId === "open" && !revoked.has(conversationId));
        checks.push({ user: user.name, conversationId, allowed });
        return allowed;
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    clients.forEach((c) => c.disconnect());
    await io.close();
  });

  /** A connected browser and every presence it was told, newest last. */
  const open = async (user: keyof typeof USERS) => {
    const client: TClient = connect(url, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { "x-test-user": user, origin: TEST_APP_URL },
    });
    clients.push(client);
    const heard: TConversationPresence[] = [];
    client.on(EVENTS.conversationPresence, (presence) => heard.push(presence));
    await new Promise<void>((resolve) => client.on("connect", () => resolve()));
    return { client, heard, last: () => heard.at(-1) };
  };
  const names = (presence: TConversationPresence | undefined) => ({
    viewers: presence?.viewers.map((v) => v.name),
    typing: presence?.typing.map((t) => t.name),
  });
  const roomMembers = async (conversationId: string) =>
    (await io.in(ROOMS.conversation(conversationId)).fetchSockets()).map((s) => s.data.user.name).sort();

  it("tells everyone viewing who is there (a user once, whatever their tabs) and who types, until they stop or leave", async () => {
    const sam = await open("sam");
    const samAgain = await open("sam");
    const ada = await open("ada");
    sam.client.emit("conversation.view", { conversationId: "c1" });
    samAgain.client.emit("conversation.view", { conversationId: "c1" });
    await expect.poll(() => names(sam.last()).viewers).toEqual(["Sam"]);
    ada.client.emit("conversation.view", { conversationId: "c1" });
    await expect.poll(() => names(sam.last())).toEqual({ viewers: ["Ada", "Sam"], typing: [] });

    ada.client.emit("conversation.typing", { conversationId: "c1", typing: true });
    await expect.poll(() => names(sam.last()).typing).toEqual(["Ada"]);
    expect(JSON.stringify(sam.heard)).not.toContain("text");
    ada.client.emit("conversation.typing", { conversationId: "c1", typing: false });
    await expect.poll(() => names(sam.last()).typing).toEqual([]);

    // Typing in a conversation this socket does not view says nothing.
    ada.client.emit("conversation.typing", { conversationId: "c2", typing: true });
    ada.client.emit("conversation.view", { conversationId: "c2" });
    await expect.poll(() => names(sam.last())).toEqual({ viewers: ["Sam"], typing: [] });
    expect(names(ada.last())).toEqual({ viewers: ["Ada"], typing: [] });

    samAgain.client.disconnect();
    expect(names(sam.last()).viewers).toEqual(["Sam"]);
    sam.client.emit("conversation.leave", { conversationId: "c1" });
    await expect.poll(() => roomMembers("c1")).toEqual([]);
  });

  it("ends typing by itself when the pings stop (a closed tab, a crash)", { timeout: 20_000 }, async () => {
    const sam = await open("sam");
    const ada = await open("ada");
    sam.client.emit("conversation.view", { conversationId: "c3" });
    ada.client.emit("conversation.view", { conversationId: "c3" });
    await expect.poll(() => names(ada.last()).viewers).toEqual(["Ada", "Sam"]);
    ada.client.emit("conversation.typing", { conversationId: "c3", typing: true });
    await expect.poll(() => names(sam.last()).typing).toEqual(["Ada"]);
    await expect.poll(() => names(sam.last()).typing, { timeout: 10_000 }).toEqual([]);
    expect(names(sam.last()).viewers).toEqual(["Ada", "Sam"]);

    ada.client.disconnect();
    await expect.poll(() => names(sam.last()).viewers).toEqual(["Sam"]);
  });

  it("lets no one join a conversation they may not see, and ignores malformed payloads", async () => {
    const sam = await open("sam");
    const kim = await open("kim");
    sam.client.emit("conversation.view", { conversationId: "secret" });
    await expect.poll(() => names(sam.last()).viewers).toEqual(["Sam"]);

    kim.client.emit("conversation.view", { conversationId: "secret" });
    await expect.poll(() => checks.some((c) => c.user === "Kim" && c.conversationId === "secret")).toBe(true);
    kim.client.emit("conversation.typing", { conversationId: "secret", typing: true });
    for (const payload of [{}, { conversationId: 42 }, "secret", { conversationId: "" }, null]) {
      kim.client.emit("conversation.view", payload as never);
      kim.client.emit("conversation.typing", payload as never);
    }
    // Kim's one valid, allowed view comes after: once it is answered, everything before was handled.
    kim.client.emit("conversation.view", { conversationId: "open" });
    await expect.poll(() => names(kim.last()).viewers).toEqual(["Kim"]);

    expect(await roomMembers("secret")).toEqual(["Sam"]);
    expect(kim.heard.map((p) => p.conversationId)).toEqual(["open"]);
    expect(names(sam.last())).toEqual({ viewers: ["Sam"], typing: [] });
    expect(checks.filter((c) => c.user === "Kim").map((c) => c.conversationId)).toEqual(["secret", "open"]);

    // Access taken away: asked again (the browser does so on access.changed), Kim is let out.
    revoked.add("open");
    kim.client.emit("conversation.view", { conversationId: "open" });
    await expect.poll(() => roomMembers("open")).toEqual([]);
  });
});
