import { beforeAll, expect, it } from "vitest";
import type { TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, TEST_SECRET, createTestRuntime, signIn } from "@/lib/testing/test-runtime";
import { createUser } from "../server/users/create-user";
import { ACCOUNT_SIGN_IN_WINDOW_MS } from "./account-sign-in-limit";
import { createAuth } from "./create-auth";

const PASSWORD = "the-right-password";

describeEachDatabase("the per-account sign-in limit", (ctx) => {
  let runtime: TRuntime;
  let clock = Date.parse("2026-12-01T09:00:00Z");
  let address = 0;
  // Every attempt from an address of its own: the per-address limit never applies here.
  const attempt = (email: string, password: string) =>
    signIn(runtime, email, password, `10.77.${address >> 8}.${address++ & 255}`);
  const statuses = async (email: string, password: string, times: number) => {
    const result: number[] = [];
    for (let i = 0; i < times; i++) result.push((await attempt(email, password)).status);
    return result;
  };

  beforeAll(async () => {
    const base = createTestRuntime(ctx.db);
    const auth = createAuth({
      prisma: ctx.db.prisma,
      secret: TEST_SECRET,
      baseUrl: TEST_APP_URL,
      signInPerMinute: 5,
      signInFailuresPerAccount: 3,
      secureCookies: false,
      now: () => clock,
    });
    runtime = { ...base, auth };
    for (const email of ["guessed@example.com", "typo@example.com", "parallel@example.com"]) {
      await createUser({ prisma: ctx.db.prisma, auth }, { email, name: "Agent", role: "agent", password: PASSWORD });
    }
  });

  it("refuses an account's sign-ins after its failures, from any address, with Retry-After, until the window ends", async () => {
    expect(await statuses("guessed@example.com", "wrong-password", 3)).toEqual([401, 401, 401]);
    const refused = await attempt("Guessed@Example.com", PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(ACCOUNT_SIGN_IN_WINDOW_MS / 1000));
    expect(((await refused.json()) as { message: string }).message).toBe(
      "Too many failed sign-ins for this account. Try again in 15 minutes.",
    );
    // Other accounts are not affected.
    expect((await attempt("typo@example.com", PASSWORD)).status).toBe(200);

    clock += ACCOUNT_SIGN_IN_WINDOW_MS - 60_000;
    const later = await attempt("guessed@example.com", PASSWORD);
    expect(later.status).toBe(429);
    expect(later.headers.get("retry-after")).toBe("60");

    clock += 60_000;
    expect((await attempt("guessed@example.com", PASSWORD)).status).toBe(200);
  });

  it("counts only failures: a successful sign-in starts the count over", async () => {
    expect(await statuses("typo@example.com", "wrong-password", 2)).toEqual([401, 401]);
    expect((await attempt("typo@example.com", PASSWORD)).status).toBe(200);
    expect(await statuses("typo@example.com", "wrong-password", 3)).toEqual([401, 401, 401]);
    expect((await attempt("typo@example.com", PASSWORD)).status).toBe(429);
  });

  it("limits an unknown email alike, so a 429 does not tell which accounts exist", async () => {
    expect(await statuses("nobody@example.com", "wrong-password", 4)).toEqual([401, 401, 401, 429]);
  });

  it("lets no more than the limit through when guesses arrive all at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => attempt("parallel@example.com", "wrong-password").then((r) => r.status)),
    );
    expect(results.filter((s) => s === 401)).toHaveLength(3);
    expect(results.filter((s) => s === 429)).toHaveLength(5);
  });
});
