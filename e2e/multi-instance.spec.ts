import { expect, test } from "@playwright/test";
import { TEST_POSTGRES_URL, createScratchPostgres, postgresReachable } from "../lib/testing/scratch-postgres";
import { TEST_REDIS_URL, dropRedisStream, redisReachable } from "../lib/testing/scratch-redis";
import { DEMO_AGENT, signIn } from "./support/auth";
import { postDemoMessage, startServer, type TServerProcess } from "./support/server-process";

// Two app instances on one PostgreSQL: an event raised on one reaches a browser connected
// to the other, through socket.io's PostgreSQL adapter, and with REDIS_URL set through Redis.

const ADAPTERS = [
  { name: "PostgreSQL", ports: [3212, 3213], env: {} },
  {
    name: "Redis",
    ports: [3224, 3225],
    env: { REDIS_URL: TEST_REDIS_URL, REDIS_STREAM: `e2e-${Date.now().toString(36)}-${process.pid}` },
  },
] as const;

for (const adapter of ADAPTERS) {
  test(`a message stored through one instance appears live in a browser on another (${adapter.name} adapter)`, async ({
    page,
  }) => {
    if (!(await postgresReachable())) {
      console.warn(`NOTICE: no PostgreSQL at ${TEST_POSTGRES_URL}: the multi-instance test is skipped.`);
      test.skip(true, `no PostgreSQL at ${TEST_POSTGRES_URL}`);
      return;
    }
    if ("REDIS_URL" in adapter.env && !(await redisReachable())) {
      console.warn(`NOTICE: no Redis at ${TEST_REDIS_URL}: the Redis adapter's multi-instance test is skipped.`);
      test.skip(true, `no Redis at ${TEST_REDIS_URL}`);
      return;
    }
    const database = await createScratchPostgres("e2e");
    const servers: TServerProcess[] = [];
    try {
      // Started one after the other: both apply migrations, the second finds nothing to do.
      for (const port of adapter.ports)
        servers.push(await startServer(port, { DATABASE_URL: database.url, ...adapter.env }));
      const [a, b] = servers as [TServerProcess, TServerProcess];

      await signIn(page, DEMO_AGENT, a.url);
      await page.goto(a.url);
      await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
      await expect(page.getByText("No open conversations")).toBeVisible();

      const response = await postDemoMessage(b.url, {
        igsid: "4000001",
        name: "Cross Instance",
        username: "cross",
        text: "via instance B",
      });
      expect(response.status).toBe(200);
      await expect(page.getByRole("listitem", { name: "Cross Instance" })).toContainText("via instance B");
    } finally {
      // Every instance is stopped, even when one of them does not stop cleanly (its output says why).
      const codes = [];
      for (const server of servers) codes.push({ code: await server.stop(), output: server.output() });
      for (const { code, output } of codes) expect(code, output).toBe(0);
      await database.drop();
      if ("REDIS_STREAM" in adapter.env) await dropRedisStream(adapter.env.REDIS_STREAM);
    }
  });
}
