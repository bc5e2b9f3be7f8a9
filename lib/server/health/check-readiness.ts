import type { TRuntime } from "../../runtime";

// Readiness, for the proxy's health check and the container's HEALTHCHECK: may this instance be
// sent traffic now? Liveness (/api/health) only says the process answers; readiness also needs
// the schema this code expects, the workers that apply webhooks and send replies, and an
// instance that is not on its way out (a stopping instance turns unready first, so the proxy
// moves traffic away while its requests in flight finish).

export type TReadinessCheck = "started" | "stopping" | "database" | "migrations" | "intake" | "outbox";

export interface TReadiness {
  ready: boolean;
  /** The first check that failed, and why, in words an operator can act on. */
  failed?: { check: TReadinessCheck; reason: string };
}

/** Reads nothing from disk: this runs in Next's route bundle, where the app's folder is unknown. */
export async function checkReadiness(runtime: TRuntime | undefined): Promise<TReadiness> {
  const fail = (check: TReadinessCheck, reason: string): TReadiness => ({ ready: false, failed: { check, reason } });
  if (!runtime?.lifecycle) return fail("started", "The instance is starting or has stopped.");
  if (runtime.lifecycle.stopping) return fail("stopping", "The instance is stopping: send traffic elsewhere.");
  let applied: Set<string>;
  try {
    const rows = await runtime.db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    applied = new Set(rows.map((row) => row.migration_name));
  } catch {
    return fail("database", "The database did not answer.");
  }
  const missing = runtime.lifecycle.migrations.filter((name) => !applied.has(name));
  if (missing.length) return fail("migrations", `${missing.length} migration(s) not applied: ${missing.join(", ")}.`);
  if (!runtime.workers?.intake) return fail("intake", "The webhook intake worker is not running.");
  if (!runtime.workers.outbox) return fail("outbox", "The outbox worker (sending replies) is not running.");
  return { ready: true };
}
