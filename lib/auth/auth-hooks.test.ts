import { beforeAll, expect, it } from "vitest";
import type { TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

describeEachDatabase("better-auth's endpoints over HTTP", (ctx) => {
  let runtime: TRuntime;
  let agentCookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    agentCookie = await signedInCookie(runtime, {
      email: "agent@example.com",
      role: "agent",
      password: "agent-password",
    });
    adminCookie = await signedInCookie(runtime, { email: "admin@example.com", role: "admin" }, "10.0.0.2");
  });

  const post = (path: string, cookie: string, body: unknown) =>
    runtime.auth.handler(
      new Request(`${TEST_APP_URL}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: TEST_APP_URL, cookie, "x-inbox-client-ip": "10.0.0.3" },
        body: JSON.stringify(body),
      }),
    );
  const agentName = async () =>
    (await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "agent@example.com" } })).name;

  it.each([
    ["a 100,000-character name", { name: "x".repeat(100_000) }],
    ["a name with control characters", { name: "Ann\u0000\nAdmin" }],
    ["a name that reads as an admin's", { name: "Administrator" }],
    ["a profile image", { image: "http://127.0.0.1:8080/track.png" }],
  ])("refuses an agent's update-user with %s, and changes nothing", async (_, body) => {
    const response = await post("/update-user", agentCookie, body);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBe(
      "Names are set by an administrator (Admin → Users), and the inbox shows no profile images.",
    );
    expect(await agentName()).toBe("agent");
    const row = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "agent@example.com" } });
    expect(row.image).toBeNull();
  });

  it.each([
    [
      "/admin/create-user",
      { email: "mallory@example.com", password: "mallory-password", name: "x".repeat(500), role: "admin" },
    ],
    ["/admin/update-user", { userId: "any", data: { name: "Administrator" } }],
    ["/admin/set-role", { userId: "any", role: "admin" }],
    ["/admin/impersonate-user", { userId: "any" }],
    ["/sign-up/email", { email: "mallory@example.com", password: "mallory-password", name: "Mallory" }],
    ["/delete-user", {}],
  ])("refuses %s over HTTP even to an admin: users are managed through /api/admin/users", async (path, body) => {
    const response = await post(path, adminCookie, body);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBe(
      "Not available here: administrators manage users under Admin → Users.",
    );
    expect(await ctx.db.prisma.user.count({ where: { email: "mallory@example.com" } })).toBe(0);
  });

  it("still changes a password, reads the session and signs out", async () => {
    const changed = await post("/change-password", agentCookie, {
      currentPassword: "agent-password",
      newPassword: "another-agent-password",
      revokeOtherSessions: true,
    });
    expect(changed.status).toBe(200);
    const cookie = changed.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const session = await runtime.auth.handler(
      new Request(`${TEST_APP_URL}/api/auth/get-session`, { headers: { cookie } }),
    );
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe("agent@example.com");
    expect((await post("/sign-out", cookie, {})).status).toBe(200);
  });
});
