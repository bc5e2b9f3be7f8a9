import type { Server } from "node:http";
import type { TDatabase } from "../db/client";
import { shippedMigrations } from "../db/migrate";
import type { TEnv } from "../env";
import type { TIo, TRuntime } from "../runtime";
import { createShutdown } from "../lifecycle/shutdown";
import { realtimeStop } from "../realtime/server/stop-realtime";

/**
 * The graceful stop on SIGTERM/SIGINT: unready, drain, reconnect browsers elsewhere, finish,
 * close (lib/lifecycle/shutdown.ts). From here on the runtime has its lifecycle, whose
 * `stopping` readiness, the webhook intake, media and the HTTP server read.
 */
export async function wireShutdown({
  runtime,
  db,
  config,
  server,
  io,
  workers,
  stopSweeps,
  closeNext,
}: {
  runtime: TRuntime;
  db: TDatabase;
  config: TEnv;
  server: Server;
  io: TIo;
  workers: NonNullable<TRuntime["workers"]>;
  stopSweeps: () => void;
  closeNext: () => Promise<void>;
}): Promise<void> {
  const stop = createShutdown({
    runtime,
    migrations: await shippedMigrations(),
    server,
    realtime: realtimeStop(io),
    workers,
    stopSweeps,
    closeNext,
    closeDatabase: () => db.close(),
    drainMs: config.SHUTDOWN_DRAIN_MS,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
