import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase, openTestDatabase } from "@/lib/testing/databases";
import { createTestRuntime } from "@/lib/testing/test-runtime";
import type { TIntakeWorker } from "@/lib/pipeline/intake/start-intake";
import type { TWorker } from "@/lib/pipeline/worker-loop";
import { GET } from "./route";

// Each state the proxy must tell apart, through the route it probes.
// The test database is migrated with every migration this code ships.
let MIGRATIONS: string[] = ["20261125130855_init"];
const worker: TWorker = { wake() {}, stop: async () => {} };
const intake: TIntakeWorker = worker;

async function probe(): Promise<{ status: number; body: { ready: boolean; failed?: { check: string } } }> {
  const response = await GET();
  return { status: response.status, body: (await response.json()) as { ready: boolean; failed?: { check: string } } };
}

afterEach(() => setRuntime(undefined));

describe("/api/ready without a running instance", () => {
  it("answers 503 before the server set up its runtime", async () => {
    const { status, body } = await probe();
    expect(status).toBe(503);
    expect(body.failed?.check).toBe("started");
  });

  it("answers 503 when the database does not answer", async () => {
    const { db, close } = await openTestDatabase("pglite");
    const runtime: TRuntime = {
      ...createTestRuntime(db),
      workers: { intake, outbox: worker },
      lifecycle: { stopping: false, migrations: MIGRATIONS },
    };
    await close();
    setRuntime(runtime);
    const { status, body } = await probe();
    expect(status).toBe(503);
    expect(body.failed?.check).toBe("database");
  });
});

describeEachDatabase("/api/ready", (ctx) => {
  beforeAll(async () => {
    const rows = await ctx.db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT "migration_name" FROM "_prisma_migrations"`,
    );
    MIGRATIONS = rows.map((r) => r.migration_name);
    expect(MIGRATIONS.length).toBeGreaterThan(5);
  });
  const runtime = (overrides: Partial<TRuntime>): TRuntime => ({
    ...createTestRuntime(ctx.db),
    workers: { intake, outbox: worker },
    lifecycle: { stopping: false, migrations: MIGRATIONS },
    ...overrides,
  });

  it("answers 200 when the database answers, every migration is applied and the workers run", async () => {
    setRuntime(runtime({}));
    expect(await probe()).toEqual({ status: 200, body: { ready: true } });
  });

  it("answers 503 as soon as the instance is stopping", async () => {
    setRuntime(runtime({ lifecycle: { stopping: true, migrations: MIGRATIONS } }));
    const { status, body } = await probe();
    expect(status).toBe(503);
    expect(body.failed?.check).toBe("stopping");
  });

  it("answers 503 when the intake or the outbox worker is not running", async () => {
    setRuntime(runtime({ workers: { outbox: worker } }));
    expect((await probe()).body.failed?.check).toBe("intake");
    setRuntime(runtime({ workers: { intake } }));
    const { status, body } = await probe();
    expect(status).toBe(503);
    expect(body.failed?.check).toBe("outbox");
  });

  it("answers 503 when a migration this code ships is not applied", async () => {
    await ctx.db.prisma.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = (SELECT max("migration_name") FROM "_prisma_migrations")`,
    );
    try {
      setRuntime(runtime({}));
      const { status, body } = await probe();
      expect(status).toBe(503);
      expect(body.failed?.check).toBe("migrations");
    } finally {
      await ctx.db.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL`);
    }
  });
});
