import { expect, test } from "@playwright/test";
import { TEST_POSTGRES_URL, createScratchPostgres, postgresReachable } from "../lib/testing/scratch-postgres";
import { DEMO_ADMIN } from "./support/auth";
import { sessionCookie } from "./support/app-api";
import { spawnServer, type TSpawnedServer } from "./support/server-process";

// Instances started at the same moment on a fresh PostgreSQL database all start: each applies
// migrations (one waits for the other's advisory lock), creates the first admin or seeds the
// demo under the start-up lock, and joins socket.io's adapter, whose table a migration creates.
// Once, one of two died with `relation "socket_io_attachments" already exists`.

const ROUNDS = 10;
const PORTS = [3220, 3221, 3222, 3223];
const ADMIN = { email: "first-admin@example.com", password: "first-admin-password" };

test.describe.configure({ timeout: ROUNDS * 60_000 });

test(`${PORTS.length} instances started together on a fresh database all start, ${ROUNDS} times`, async () => {
  if (!(await postgresReachable())) {
    console.warn(`NOTICE: no PostgreSQL at ${TEST_POSTGRES_URL}: the start-together test is skipped.`);
    test.skip(true, `no PostgreSQL at ${TEST_POSTGRES_URL}`);
    return;
  }
  for (let round = 1; round <= ROUNDS; round++) {
    // Odd rounds as in production (APP_SECRET set, a first admin to create); even rounds in demo
    // mode with no APP_SECRET and one DATA_DIR, so the instances also race to generate the secret.
    const demo = round % 2 === 0;
    const database = await createScratchPostgres("e2e_start");
    const env: Record<string, string> = demo
      ? { DATABASE_URL: database.url, DEMO_MODE: "true", DATA_DIR: `test-results/start-together-${round}` }
      : {
          DATABASE_URL: database.url,
          DEMO_MODE: "false",
          APP_SECRET: "start-together-secret-0123456789abcdef",
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          DATA_DIR: `test-results/start-together-${round}`,
        };
    const servers: TSpawnedServer[] = PORTS.map((port) => spawnServer(port, env));
    try {
      const started = await Promise.allSettled(servers.map((server) => server.ready));
      for (const [i, outcome] of started.entries()) {
        expect(outcome.status, `round ${round}, instance ${i + 1}: ${servers[i]?.output()}`).toBe("fulfilled");
      }
      for (const server of servers) {
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
        expect(server.child.exitCode, server.output()).toBeNull();
      }
      // One user, one session: signed in on the first instance, recognised by every other,
      // so all of them hold the same secret and see the one admin created.
      const cookie = await sessionCookie(servers[0]!.url, demo ? DEMO_ADMIN : ADMIN);
      for (const server of servers) {
        const session = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie } });
        expect(session.status).toBe(200);
        expect(((await session.json()) as { user?: { email?: string } } | null)?.user?.email).toBe(
          demo ? DEMO_ADMIN.email : ADMIN.email,
        );
      }
    } finally {
      const codes = await Promise.all(servers.map(async (server) => ({ code: await server.stop(), server })));
      await database.drop();
      for (const { code, server } of codes) expect(code, server.output()).toBe(0);
    }
  }
});
