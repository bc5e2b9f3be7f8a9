import { beforeAll, expect, it } from "vitest";
import { getSessionUser } from "@/lib/auth/session";
import type { TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestRuntime, signIn, signedInCookie } from "@/lib/testing/test-runtime";
import { bootstrapUsers } from "./bootstrap-users";
import { listUsers } from "./list-users";
import { resetPassword } from "./reset-password";
import { updateUser } from "./update-user";
import type { TUserPresenceDeps } from "./user-deps";

describeEachDatabase("users and sessions", (ctx) => {
  let runtime: TRuntime;
  let deps: TUserPresenceDeps;

  beforeAll(() => {
    runtime = createTestRuntime(ctx.db);
    deps = { prisma: ctx.db.prisma, auth: runtime.auth, onlineUserIds: async () => new Set<string>() };
  });

  const session = (cookie: string) => getSessionUser(runtime.auth, new Headers({ cookie }));

  it("creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD only when there are no users", async () => {
    expect(await bootstrapUsers(deps, {})).toEqual({ kind: "needs-admin" });
    expect(await bootstrapUsers(deps, { email: "Boss@Example.com", password: "a-long-password" })).toEqual({
      kind: "created-admin",
      email: "Boss@Example.com",
    });
    expect(await bootstrapUsers(deps, { email: "other@example.com", password: "a-long-password" })).toEqual({
      kind: "existing",
    });
    const response = await signIn(runtime, "boss@example.com", "a-long-password");
    expect(response.status).toBe(200);
  });

  it("stores a scrypt hash, never the password", async () => {
    await signedInCookie(runtime, { email: "hash@example.com", role: "agent", password: "plain-text-secret" });
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "hash@example.com" } });
    const credential = await ctx.db.prisma.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(credential.password).not.toContain("plain-text-secret");
    // better-auth's scrypt format: salt:key in hex.
    expect(credential.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });

  it("ends every session of a deactivated agent at once, and refuses their sign-in", async () => {
    const admin = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "boss@example.com" } });
    const cookie = await signedInCookie(runtime, { email: "leaver@example.com", role: "agent" });
    const other = await signedInCookie(runtime, { email: "leaver@example.com", role: "agent" }, "10.0.0.2");
    expect((await session(cookie))?.email).toBe("leaver@example.com");
    const leaver = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "leaver@example.com" } });

    const { user: view } = await updateUser(deps, { actorId: admin.id, userId: leaver.id, input: { active: false } });
    expect(view.active).toBe(false);
    expect(await session(cookie)).toBeNull();
    expect(await session(other)).toBeNull();
    expect(await ctx.db.prisma.session.count({ where: { userId: leaver.id } })).toBe(0);
    expect((await signIn(runtime, "leaver@example.com", "correct-horse-battery", "10.0.0.3")).status).toBe(403);

    await updateUser(deps, { actorId: admin.id, userId: leaver.id, input: { active: true } });
    expect((await signIn(runtime, "leaver@example.com", "correct-horse-battery", "10.0.0.3")).status).toBe(200);
  });

  it("keeps at least one active admin", async () => {
    const admin = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "boss@example.com" } });
    await expect(
      updateUser(deps, { actorId: "someone-else", userId: admin.id, input: { role: "agent" } }),
    ).rejects.toThrow("This is the last active admin: make another admin first.");
    await expect(updateUser(deps, { actorId: admin.id, userId: admin.id, input: { active: false } })).rejects.toThrow(
      /last active admin|cannot deactivate yourself/,
    );
  });

  it("resets a password: the old one stops working and sessions end", async () => {
    const cookie = await signedInCookie(runtime, { email: "forgetful@example.com", role: "agent" }, "10.0.1.1");
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "forgetful@example.com" } });
    await resetPassword(deps, user.id, "brand-new-password");
    expect(await session(cookie)).toBeNull();
    expect((await signIn(runtime, "forgetful@example.com", "correct-horse-battery", "10.0.1.2")).status).toBe(401);
    expect((await signIn(runtime, "forgetful@example.com", "brand-new-password", "10.0.1.3")).status).toBe(200);
  });

  it("rate-limits repeated sign-ins from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await signIn(runtime, "boss@example.com", "wrong-password", "10.9.9.9")).status);
    // The test runtime allows 5 a minute.
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await signIn(runtime, "boss@example.com", "a-long-password", "10.9.9.10")).status).toBe(200);
  });

  it("lists users with role, state and presence", async () => {
    const users = await listUsers(deps);
    expect(users.find((u) => u.email === "boss@example.com")).toMatchObject({
      role: "admin",
      active: true,
      online: false,
    });
  });
});
