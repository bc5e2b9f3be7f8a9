import { afterAll, beforeAll, expect, it } from "vitest";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { GET, POST } from "./route";

describeEachDatabase("the auth route", (ctx) => {
  let runtime: TRuntime;
  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    await signedInCookie(runtime, { email: "someone@example.com", role: "agent", password: "a-good-password" });
  });
  afterAll(() => setRuntime(undefined));

  it("signs in with an httpOnly cookie and never puts the session token in the body", async () => {
    const response = await POST(
      new Request(`${TEST_APP_URL}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: TEST_APP_URL, "x-inbox-client-ip": "10.1.1.1" },
        body: JSON.stringify({ email: "someone@example.com", password: "a-good-password" }),
      }),
    );
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/HttpOnly/i);
    const token = decodeURIComponent(cookie?.split(";")[0]?.split("=")[1] ?? "").split(".")[0] ?? "";
    expect(token.length).toBeGreaterThan(16);
    const body = await response.text();
    expect(JSON.parse(body).user.email).toBe("someone@example.com");
    expect(body).not.toContain(token);
    expect(body).not.toContain('"token"');

    const session = await GET(
      new Request(`${TEST_APP_URL}/api/auth/get-session`, { headers: { cookie: cookie?.split(";")[0] ?? "" } }),
    );
    const sessionBody = await session.text();
    expect(JSON.parse(sessionBody).user.email).toBe("someone@example.com");
    expect(sessionBody).not.toContain(token);
  });
});
