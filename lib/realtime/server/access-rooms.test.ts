import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getSignedInSession } from "../../auth/session";
import type { TMessageView } from "../../messages/schemas";
import type { TConversationSummary } from "../../conversations/summary";
import { setRuntime, type TIo, type TRuntime } from "../../runtime";
import { accessibleAccountIds } from "../../server/access/account-access";
import { setMembership } from "../../server/access/set-membership";
import { announce } from "./announce";
import { updateUser } from "../../server/users/update-user";
import { userDeps } from "../../http/user-deps";
import { noEffects } from "../../effects/inbox-effects";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { createTestRuntime, signedInCookie, TEST_APP_URL } from "../../testing/test-runtime";
import { announceAccountRemoved, syncAccessRooms } from "./access-rooms";
import { createIo } from "./create-io";
import { emitEffects } from "./emit";
import { EVENTS, ROOMS, type TInboxChange } from "../events";

// socket.io rooms follow membership: an agent's socket gets the events of their accounts only,
// an admin's every account's, and a change of membership or role moves a live socket at once.
// On PostgreSQL two instances share events through the adapter: Ada's socket is on the second,
// while changes and admin actions happen on the first, as behind a load balancer.

const summary = (id: string, accountId: string) => ({ id, accountId, updatedAt: id }) as TConversationSummary;
const message = (id: string, conversationId: string) => ({ id, conversationId }) as TMessageView;

interface TClient {
  socket: Socket;
  userId: string;
  changes: TInboxChange[];
  accessChanged: number;
  conversationsRemoved: number;
  disconnects: number;
}

describeEachDatabase("socket rooms follow account membership", (ctx) => {
  let runtime: TRuntime;
  const instances: { server: Server; io: TIo; url: string; pool: pg.Pool | undefined }[] = [];
  /** Where changes are emitted and admins act; Ada is connected to `last`. */
  let io: TIo;
  let last: TIo;
  const accounts = { shop: "", other: "" };
  const clients: Record<"ada" | "bo" | "root", TClient> = {} as never;
  /** A conversation of `other` that no change carries: its messages' account is looked up. */
  let quietConversation = "";

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    const { prisma } = ctx.db;
    const connectionString = ctx.db.pool?.options.connectionString;
    for (let i = 0; i < (connectionString ? 2 : 1); i++) {
      // One connection listens, one publishes: publishes leave (and arrive) in the order made,
      // which is what lets settle() below prove that nothing else is on its way.
      const pool = connectionString ? new pg.Pool({ connectionString, max: 2 }) : undefined;
      const server = createServer();
      const instance = await createIo(server, pool, {
        origins: [TEST_APP_URL],
        authenticate: (headers) => getSignedInSession(runtime.auth, headers),
        accessibleAccounts: (user) => accessibleAccountIds(prisma, user),
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      instances.push({ server, io: instance, pool, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    }
    io = instances[0]!.io;
    last = instances.at(-1)!.io;
    runtime.io = io;
    setRuntime(runtime);

    accounts.shop = (await createTestAccount(prisma, { displayName: "Shop" })).id;
    accounts.other = (await createTestAccount(prisma, { displayName: "Other" })).id;
    const contact = await prisma.contact.create({ data: { accountId: accounts.other, igsid: "6000000001" } });
    quietConversation = (
      await prisma.conversation.create({
        data: { accountId: accounts.other, contactId: contact.id, lastMessageAt: new Date() },
      })
    ).id;

    const people = { ada: "agent", bo: "agent", root: "admin" } as const;
    const signedIn: { name: keyof typeof people; cookie: string; userId: string }[] = [];
    for (const [name, role] of Object.entries(people) as [keyof typeof people, "agent" | "admin"][]) {
      const cookie = await signedInCookie(runtime, { email: `${name}@example.com`, role });
      const userId = (await prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.com` } })).id;
      signedIn.push({ name, cookie, userId });
    }
    const userIdOf = (name: string) => signedIn.find((s) => s.name === name)?.userId ?? "";
    // Memberships are read when a socket connects: these exist before.
    await prisma.accountMember.createMany({
      data: [
        { accountId: accounts.shop, userId: userIdOf("ada") },
        { accountId: accounts.other, userId: userIdOf("bo") },
      ],
    });
    await Promise.all(
      signedIn.map(({ name, cookie, userId }) => {
        const url = (name === "ada" ? instances.at(-1) : instances[0])?.url ?? "";
        const socket = connect(url, {
          transports: ["websocket"],
          reconnection: false,
          extraHeaders: { cookie, origin: TEST_APP_URL },
        });
        const client: TClient = {
          socket,
          userId,
          changes: [],
          accessChanged: 0,
          conversationsRemoved: 0,
          disconnects: 0,
        };
        socket.on(EVENTS.inboxChanged, (change) => client.changes.push(change));
        socket.on(EVENTS.accessChanged, () => client.accessChanged++);
        socket.on(EVENTS.conversationsRemoved, () => client.conversationsRemoved++);
        socket.on("disconnect", () => client.disconnects++);
        clients[name] = client;
        return new Promise<void>((resolve) => socket.on("connect", resolve));
      }),
    );
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
  /** What each client received from now until `run` has been emitted and has settled. */
  const received = async (run: () => void) => {
    for (const client of Object.values(clients)) client.changes = [];
    run();
    for (const client of Object.values(clients)) await settle(client);
    return {
      ada: clients.ada.changes,
      bo: clients.bo.changes,
      root: clients.root.changes,
    };
  };
  const changeOn = (account: "shop" | "other", id: string) => {
    const effects = noEffects();
    effects.conversations.push(summary(id, accounts[account]));
    return effects;
  };
  const ids = (changes: TInboxChange[]) =>
    changes.map((c) => [...c.conversations, ...c.created, ...c.updated].map((item) => item.id));

  it("sends each account's part of a change to its members only, and every part to the admins", async () => {
    const effects = noEffects();
    effects.conversations.push(summary("c-shop", accounts.shop), summary("c-other", accounts.other));
    effects.createdMessages.push(message("m-shop", "c-shop"), message("m-quiet", quietConversation));
    effects.updatedMessages.push(message("m-noted", "c-noted"));
    effects.accounts.set("c-noted", accounts.shop);

    for (const client of Object.values(clients)) client.changes = [];
    emitEffects(effects);
    // m-quiet's account is looked up first, so the change leaves a moment later.
    await expect.poll(() => clients.bo.changes.length).toBe(1);
    for (const client of Object.values(clients)) await settle(client);

    expect(clients.ada.changes).toEqual([
      {
        conversations: [summary("c-shop", accounts.shop)],
        created: [message("m-shop", "c-shop")],
        updated: [message("m-noted", "c-noted")],
      },
    ]);
    expect(clients.bo.changes).toEqual([
      {
        conversations: [summary("c-other", accounts.other)],
        created: [message("m-quiet", quietConversation)],
        updated: [],
      },
    ]);
    expect(ids(clients.root.changes).flat().sort()).toEqual(["c-other", "c-shop", "m-noted", "m-quiet", "m-shop"]);
  });

  it("keeps changes in order when one waits for a lookup", async () => {
    const first = noEffects();
    first.createdMessages.push(message("m-first", quietConversation));
    clients.bo.changes = [];
    clients.ada.changes = [];
    emitEffects(first);
    emitEffects(changeOn("other", "c-second"));
    await expect.poll(() => clients.bo.changes.length).toBe(2);
    await settle(clients.ada);
    expect(ids(clients.bo.changes)).toEqual([["m-first"], ["c-second"]]);
    expect(clients.ada.changes).toEqual([]);
  });

  it("moves a live socket into an account's room when an admin adds the agent, and out when removed", async () => {
    const { socket } = clients.ada;
    const socketId = socket.id;
    const told = clients.ada.accessChanged;

    await announce(
      (await setMembership(ctx.db.prisma, { accountId: accounts.other, userId: clients.ada.userId, member: true }))
        .effect,
    );
    await expect.poll(() => clients.ada.accessChanged).toBe(told + 1);
    expect(ids((await received(() => emitEffects(changeOn("other", "c-added")))).ada)).toEqual([["c-added"]]);

    await announce(
      (await setMembership(ctx.db.prisma, { accountId: accounts.other, userId: clients.ada.userId, member: false }))
        .effect,
    );
    await expect.poll(() => clients.ada.accessChanged).toBe(told + 2);
    const after = await received(() => {
      emitEffects(changeOn("other", "c-removed"));
      emitEffects(changeOn("shop", "c-still-mine"));
    });
    expect(ids(after.ada)).toEqual([["c-still-mine"]]);
    expect(ids(after.bo)).toEqual([["c-removed"]]);

    // The same connection all along: no reload, no reconnect.
    expect(socket.id).toBe(socketId);
    expect(clients.ada.disconnects).toBe(0);
  });

  it("follows a change of role: an agent made admin gets every account, made agent again only theirs", async () => {
    const deps = userDeps(runtime);
    const told = clients.bo.accessChanged;
    await announce(
      (await updateUser(deps, { actorId: clients.root.userId, userId: clients.bo.userId, input: { role: "admin" } }))
        .effect,
    );
    await expect.poll(() => clients.bo.accessChanged).toBe(told + 1);
    expect(ids((await received(() => emitEffects(changeOn("shop", "c-as-admin")))).bo)).toEqual([["c-as-admin"]]);

    await announce(
      (await updateUser(deps, { actorId: clients.root.userId, userId: clients.bo.userId, input: { role: "agent" } }))
        .effect,
    );
    await expect.poll(() => clients.bo.accessChanged).toBe(told + 2);
    const after = await received(() => {
      emitEffects(changeOn("shop", "c-not-bo"));
      emitEffects(changeOn("other", "c-bo"));
    });
    expect(ids(after.bo)).toEqual([["c-bo"]]);
    expect(clients.bo.disconnects).toBe(0);
  });

  it("puts sockets right on the sweep when memberships changed behind its back", async () => {
    const { prisma } = ctx.db;
    expect(await syncAccessRooms(last, prisma)).toBe(0);
    await prisma.accountMember.create({ data: { accountId: accounts.other, userId: clients.ada.userId } });
    expect(await syncAccessRooms(last, prisma)).toBe(1);
    expect(ids((await received(() => emitEffects(changeOn("other", "c-healed")))).ada)).toEqual([["c-healed"]]);

    await prisma.accountMember.deleteMany({ where: { userId: clients.ada.userId } });
    expect(await syncAccessRooms(last, prisma)).toBe(1);
    const after = await received(() => emitEffects(changeOn("shop", "c-none-left")));
    expect(after.ada).toEqual([]);
    expect(ids(after.root)).toEqual([["c-none-left"]]);
  });

  it("tells the account's members and the admins when retention removed conversations, and no one else", async () => {
    const told = { ada: clients.ada.conversationsRemoved, bo: clients.bo.conversationsRemoved };
    const root = clients.root.conversationsRemoved;
    await announce({ kind: "conversations-removed", accountId: accounts.other, conversationIds: ["c-old"] });
    await expect.poll(() => clients.bo.conversationsRemoved).toBe(told.bo + 1);
    await expect.poll(() => clients.root.conversationsRemoved).toBe(root + 1);
    await settle(clients.ada);
    expect(clients.ada.conversationsRemoved).toBe(told.ada);
  });

  it("tells the members and the admins when an account is removed, and empties its room", async () => {
    const told = { bo: clients.bo.accessChanged, root: clients.root.accessChanged };
    announceAccountRemoved(io, accounts.other);
    await expect.poll(() => clients.bo.accessChanged).toBe(told.bo + 1);
    await expect.poll(() => clients.root.accessChanged).toBe(told.root + 1);
    const after = await received(() => emitEffects(changeOn("other", "c-after-removal")));
    expect(after.bo).toEqual([]);
    expect(ids(after.root)).toEqual([["c-after-removal"]]);
  });
});
