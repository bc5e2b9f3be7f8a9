import type { TRuntime } from "../../runtime";

export interface THealth {
  status: "ok" | "unavailable";
  version: string;
  database: { kind: string; ok: boolean; latencyMs: number | null; error?: string };
}

export async function checkHealth(runtime: TRuntime | undefined): Promise<THealth> {
  if (!runtime) {
    return {
      status: "unavailable",
      version: "unknown",
      database: { kind: "none", ok: false, latencyMs: null, error: "not started" },
    };
  }
  const started = performance.now();
  try {
    await runtime.db.prisma.$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: "ok", version: runtime.version, database: { kind: runtime.db.kind, ok: true, latencyMs } };
  } catch {
    return {
      status: "unavailable",
      version: runtime.version,
      database: { kind: runtime.db.kind, ok: false, latencyMs: null, error: "the database did not answer" },
    };
  }
}
