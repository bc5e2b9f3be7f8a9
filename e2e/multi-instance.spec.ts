import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { DEMO_AGENT, signIn } from "./support/auth";
import { postDemoMessage, startServer, type TServerProcess } from "./support/server-process";

// Two app instances on one PostgreSQL: an event raised on one reaches a browser connected
// to the other, through socket.io's PostgreSQL adapter.

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const name = `e2e_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

test("a message stored through one instance appears live in a browser on another", async ({ page }) => {
  const database = await createDatabase();
  if (!database) {
    console.warn(`NOTICE: no PostgreSQL at ${ADMIN_URL}: the multi-instance test is skipped.`);
    test.skip(true, `no PostgreSQL at ${ADMIN_URL}`);
    return;
  }
  const servers: TServerProcess[] = [];
  try {
    // Started one after the other: both apply migrations, the second finds nothing to do.
    servers.push(await startServer(3212, { DATABASE_URL: database.url }));
    servers.push(await startServer(3213, { DATABASE_URL: database.url }));
    const [a, b] = servers as [TServerProcess, TServerProcess];

    await signIn(page, DEMO_AGENT, a.url);
    await page.goto(a.url);
    await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible();
    await expect(page.getByText("No conversations yet")).toBeVisible();

    const response = await postDemoMessage(b.url, {
      igsid: "4000001",
      name: "Cross Instance",
      username: "cross",
      text: "via instance B",
    });
    expect(response.status).toBe(200);
    await expect(page.getByRole("listitem", { name: "Cross Instance" })).toContainText("via instance B");
  } finally {
    for (const server of servers) expect(await server.stop()).toBe(0);
    await database.drop();
  }
});
