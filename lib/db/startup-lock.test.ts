import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapUsers } from "../server/users/bootstrap-users";
import { seedDemo } from "../server/demo/seed-demo";
import { createTestRuntime, TEST_APP_URL } from "../testing/test-runtime";
import { createScratchPostgres, postgresReachable } from "../testing/scratch-postgres";
import { openDatabase, type TDatabase } from "./client";
import { applyMigrations } from "./migrate";
import { withStartupLock } from "./startup-lock";

// Issue 8: two instances starting together on one PostgreSQL both saw no users and both
// created the first admin; the loser died on the unique email. Here two "instances" (two
// pools on one database) run their start-up work at the same moment.
const run = (await postgresReachable()) ? describe : describe.skip;

run("start-up work on several instances at once [postgres]", () => {
  let drop: () => Promise<void>;
  let instances: TDatabase[];
  beforeAll(async () => {
    const scratch = await createScratchPostgres();
    drop = scratch.drop;
    instances = await Promise.all([1, 2, 3].map(() => openDatabase({ url: scratch.url, dataDir: "" })));
    await applyMigrations(instances[0]!.adapter);
  });
  afterAll(async () => {
    await Promise.all(instances.map((db) => db.close()));
    await drop();
  });

  it("creates the first admin and the demo data once, and every instance starts", async () => {
    const outcomes = await Promise.all(
      instances.map((db) => {
        const runtime = createTestRuntime(db);
        const deps = {
          prisma: db.prisma,
          auth: runtime.auth,
          tokens: runtime.tokens,
          appUrl: TEST_APP_URL,
        };
        return withStartupLock(db, async () => {
          const admin = await bootstrapUsers(deps, { email: "first@example.com", password: "a-long-password" });
          await seedDemo(deps);
          return admin.kind;
        });
      }),
    );
    expect(outcomes.filter((kind) => kind === "created-admin")).toHaveLength(1);
    const prisma = instances[0]!.prisma;
    expect(await prisma.user.count({ where: { email: "first@example.com" } })).toBe(1);
    expect(await prisma.instagramAccount.count()).toBe(1);
  });
});
