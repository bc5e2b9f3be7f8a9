import { createAuth } from "../auth/create-auth";
import { createSecretBox } from "../crypto/secret-box";
import type { TDatabase } from "../db/client";
import type { TRuntime } from "../runtime";
import { createUser } from "../server/users/create-user";

export const TEST_SECRET = "test-secret-".padEnd(64, "x");
export const TEST_APP_URL = "http://localhost:3999";

/** A runtime like server.ts builds, on a test database, without HTTP or socket.io. */
export function createTestRuntime(db: TDatabase, overrides: Partial<TRuntime["config"]> = {}): TRuntime {
  return {
    db,
    io: undefined,
    auth: createAuth({
      prisma: db.prisma,
      secret: TEST_SECRET,
      baseUrl: TEST_APP_URL,
      signInPerMinute: 5,
      signInFailuresPerAccount: 20,
      secureCookies: false,
    }),
    tokens: createSecretBox(TEST_SECRET, "cm-product-token"),
    hookSecrets: createSecretBox(TEST_SECRET, "webhook-signing-secret"),
    version: "test",
    config: {
      appUrl: TEST_APP_URL,
      publicUrl: TEST_APP_URL,
      uploadRetentionDays: 30,
      uploadQuota: { hourlyBytesPerUser: 200 * 1024 * 1024, totalBytes: 2048 * 1024 * 1024 },
      cmBaseUrl: "http://127.0.0.1:1",
      demoMode: false,
      ...overrides,
    },
  };
}

/** Creates a user and signs them in; returns the Cookie header of their session. */
export async function signedInCookie(
  runtime: TRuntime,
  user: { email: string; role: "admin" | "agent"; password?: string },
  clientIp = "10.0.0.1",
): Promise<string> {
  const password = user.password ?? "correct-horse-battery";
  if (!(await runtime.db.prisma.user.findUnique({ where: { email: user.email } }))) {
    await createUser(
      { prisma: runtime.db.prisma, auth: runtime.auth },
      { email: user.email, name: user.email.split("@")[0] ?? "user", role: user.role, password },
    );
  }
  const response = await signIn(runtime, user.email, password, clientIp);
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookieFrom(response);
}

export function signIn(runtime: TRuntime, email: string, password: string, clientIp = "10.0.0.1"): Promise<Response> {
  return runtime.auth.handler(
    new Request(`${TEST_APP_URL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_APP_URL, "x-inbox-client-ip": clientIp },
      body: JSON.stringify({ email, password }),
    }),
  );
}

export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
