import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TSessionUser } from "../../auth/session";
import { setRuntime, type TIo, type TRuntime } from "../../runtime";
import { accessibleAccountIds } from "../../server/access/account-access";
import { conversationAccountFor } from "../../server/access/assert-conversation-access";
import { setMembership } from "../../server/access/set-membership";
import { announce } from "./announce";
import { updateUser } from "../../server/users/update-user";
import { userDeps } from "../../http/user-deps";
import { noEffects } from "../../effects/inbox-effects";
import type { TConversationSummary } from "../../conversations/summary";
import { getSignedInSession } from "../../auth/session";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { createTestRuntime, signedInCookie, TEST_APP_URL } from "../../testing/test-runtime";
import { syncAccessRooms } from "./access-rooms";
import type { TConversationPresence } from "../conversation-presence-state";
import { createIo } from "./create-io";
import { emitEffects } from "./emit";
import { EVENTS, ROOMS, type TClientToServerEvents, type TInboxChange, type TServerToClientEvents } from "../events";

// Access taken away must take presence with it, whatever the browser does: every client here
// ignores access.changed. Ada and Max are on the last instance, Bo and Root (who act) on the
// first; on PostgreSQL these are two instances sharing events through the adapter.

type TName = "ada" | "bo" | "root" | "max";
interface TClient {
  socket: Socket<TServerToClientEvents, TClientToServerEvents>;
  userId: string;
  heard: TConversationPresence[];
  changes: TInboxChange[];
}

describeEachDatabase("presence follows access, without the browser's help", (ctx) => {
  let runtime: TRuntime;
  const instances: { io: TIo; url: string; pool: pg.Pool | undefined }[] = [];
  let io: TIo;
  let last: TIo;
  let shop = "";
  let conversation = "";
  const clients = {} as Record<TName, TClient>;
  /** When set, that user's next access check answers only once released (a slow check). */
  let hold: { userId: string; reached: () => void; release: Promise<void> } | undefined;

  const mayView = async (user: TSessionUser, id: string) => {
    const allowed = (await conversationAccountFor(ctx.db.prisma, user, id)) !== null;
    const held = hold?.userId === user.id ? hold : undefined;
    if (held) {
      hold = undefined;
      held.reached();
      await held.release;
    }
    return allowed;
  };

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    const { prisma } = ctx.db;
    const connectionString = ctx.db.pool?.options.connectionString;
    for (let i = 0; i < (connectionString ? 2 : 1); i++) {
      // One connection listens, one publishes: what one instance publishes arrives in order.
      const pool = connectionString ? new pg.Pool({ connectionString, max: 2 }) : undefined;
      const server: Server = createServer();
      const instance = await createIo(server, pool, {
        origins: [TEST_APP_URL],
        authenticate: (headers) => getSignedInSession(runtime.auth, headers),
        accessibleAccounts: (user) => accessibleAccountIds(prisma, user),
        mayViewConversation: mayView,
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      instances.push({ io: instance, pool, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    }
    io = instances[0]!.io;
    last = instances.at(-1)!.io;
    runtime.io = io;
    setRuntime(runtime);

    shop = (await createTestAccount(prisma, { displayName: "Shop" })).id;
    const contact = await prisma.contact.create({ data: { accountId: shop, igsid: "6000000002" } });
    conversation = (
      await prisma.conversation.create({ data: { accountId: shop, contactId: contact.id, lastMessageAt: new Date() } })
    ).id;

    const people = { ada: "agent", bo: "agent", root: "admin", max: "admin" } as const;
    for (const [name, role] of Object.entries(people) as [TName, "agent" | "admin"][]) {
      const cookie = await signedInCookie(runtime, { email: `${name}@example.com`, role });
      const userId = (await prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.com` } })).id;
      if (role === "agent") await prisma.accountMember.create({ data: { accountId: shop, userId } });
      const url = (name === "ada" || name === "max" ? instances.at(-1) : instances[0])?.url ?? "";
      const socket: TClient["socket"] = connect(url, {
        transports: ["websocket"],
        reconnection: false,
        extraHeaders: { cookie, origin: TEST_APP_URL },
      });
      const client: TClient = { socket, userId, heard: [], changes: [] };
      socket.on(EVENTS.conversationPresence, (presence) => client.heard.push(presence));
      socket.on(EVENTS.inboxChanged, (change) => client.changes.push(change));
      clients[name] = client;
      await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    }
  });
  afterAll(async () => {
    Object.values(clients).forEach(({ socket }) => socket.disconnect());
    setRuntime(undefined);
    for (const instance of instances) {
      await instance.io.close();
      await instance.pool?.end();
    }
  });

  /** Everything emitted before this (through `io`) has reached the client: events arrive in order. */
  const settle = async (client: TClient) => {
    const reached = new Promise<void>((resolve) => client.socket.once(EVENTS.serverStatus, () => resolve()));
    io.to(ROOMS.user(client.userId)).emit(EVENTS.serverStatus, { database: "ok" });
    await reached;
  };
  const lastSeen = (client: TClient) => {
    const presence = client.heard.at(-1);
    return { viewers: presence?.viewers.map((v) => v.name), typing: presence?.typing.map((t) => t.name) };
  };
  /** Who is in the conversation's room, on every instance, and what their sockets hold. */
  const inRoom = async () =>
    (await io.in(ROOMS.conversation(conversation)).fetchSockets()).map((s) => s.data.user.name).sort();
  const presenceOf = async (name: TName) =>
    (await io.in(ROOMS.user(clients[name].userId)).fetchSockets()).map((s) => s.data.presence);
  const view = (name: TName) => clients[name].socket.emit("conversation.view", { conversationId: conversation });

  it("takes a removed agent out of the account's conversations at once: no presence either way, no messages", async () => {
    const { ada, bo } = clients;
    view("bo");
    view("ada");
    await expect.poll(() => lastSeen(bo).viewers).toEqual(["ada", "bo"]);
    ada.socket.emit("conversation.typing", { conversationId: conversation, typing: true });
    await expect.poll(() => lastSeen(bo)).toEqual({ viewers: ["ada", "bo"], typing: ["ada"] });

    await announce((await setMembership(ctx.db.prisma, { accountId: shop, userId: ada.userId, member: false })).effect);
    // The others are told she is gone; her socket holds nothing of the conversation any more.
    await expect.poll(() => lastSeen(bo)).toEqual({ viewers: ["bo"], typing: [] });
    expect(await inRoom()).toEqual(["bo"]);
    expect(await presenceOf("ada")).toEqual([undefined]);

    await settle(ada);
    const heard = ada.heard.length;
    ada.changes = [];
    // Her typing is not heard, and she hears neither Bo's typing nor the account's new messages.
    ada.socket.emit("conversation.typing", { conversationId: conversation, typing: true });
    bo.socket.emit("conversation.typing", { conversationId: conversation, typing: true });
    await expect.poll(() => lastSeen(bo)).toEqual({ viewers: ["bo"], typing: ["bo"] });
    const effects = noEffects();
    effects.conversations.push({ id: conversation, accountId: shop, updatedAt: "now" } as TConversationSummary);
    emitEffects(effects);
    await expect.poll(() => bo.changes.length).toBeGreaterThan(0);
    await settle(ada);
    expect(ada.heard.length).toBe(heard);
    expect(ada.changes).toEqual([]);
    expect(lastSeen(bo).typing).toEqual(["bo"]);

    // Added back, her next view is let in as any other.
    await announce((await setMembership(ctx.db.prisma, { accountId: shop, userId: ada.userId, member: true })).effect);
    view("ada");
    await expect.poll(() => lastSeen(bo).viewers).toEqual(["ada", "bo"]);
  });

  it("does not let a view whose check began before the removal in after it", async () => {
    const { ada, bo } = clients;
    await announce((await setMembership(ctx.db.prisma, { accountId: shop, userId: ada.userId, member: true })).effect);
    view("bo");
    ada.socket.emit("conversation.leave", { conversationId: conversation });
    await expect.poll(() => lastSeen(bo).viewers).toEqual(["bo"]);

    let reached = () => {};
    let release = () => {};
    const waiting = new Promise<void>((resolve) => (reached = resolve));
    hold = { userId: ada.userId, reached, release: new Promise<void>((resolve) => (release = resolve)) };
    view("ada");
    // Her check said yes (she is still a member); its answer comes only after the removal.
    await waiting;
    await announce((await setMembership(ctx.db.prisma, { accountId: shop, userId: ada.userId, member: false })).effect);
    release();
    await settle(ada);
    await expect.poll(() => presenceOf("ada")).toEqual([undefined]);
    expect(await inRoom()).toEqual(["bo"]);
  });

  it("takes a demoted admin out of conversations of accounts they are not a member of", async () => {
    const { max, bo } = clients;
    view("max");
    await expect.poll(() => lastSeen(bo).viewers).toEqual(["bo", "max"]);

    await announce(
      (
        await updateUser(userDeps(runtime), {
          actorId: clients.root.userId,
          userId: max.userId,
          input: { role: "agent" },
        })
      ).effect,
    );
    await expect.poll(() => lastSeen(bo).viewers).toEqual(["bo"]);
    // Asked again by a browser that kept its old idea of the role: still refused.
    view("max");
    await expect.poll(() => presenceOf("max")).toEqual([undefined]);
    await settle(max);
    expect(await inRoom()).toEqual(["bo"]);
  });

  it("gives sockets their user's role on the sweep when it changed behind its back", async () => {
    const { prisma } = ctx.db;
    const { max, bo } = clients;
    await prisma.user.update({ where: { id: max.userId }, data: { role: "admin" } });
    expect(await syncAccessRooms(last, prisma)).toBe(1);
    view("max");
    await expect.poll(() => lastSeen(bo).viewers).toEqual(["bo", "max"]);

    await prisma.user.update({ where: { id: max.userId }, data: { role: "agent" } });
    expect(await syncAccessRooms(last, prisma)).toBe(1);
    await expect.poll(() => lastSeen(bo).viewers).toEqual(["bo"]);
    expect(await inRoom()).toEqual(["bo"]);
  });
});
