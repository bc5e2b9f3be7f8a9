import type { Server as HttpServer } from "node:http";
import { oneLine } from "../errors-one-line";
import type { TRealtimeStop } from "../realtime/server/stop-realtime";
import type { TRuntime } from "../runtime";

// A graceful stop (SIGTERM from a deploy, an orchestrator, Ctrl-C) that loses nothing: no
// webhook answered 200 goes unapplied, no reply is sent twice or waits for a lease to run out,
// no browser misses an event. The order is the point:
//   1. turn unready and refuse new webhooks (503 + Retry-After: CM retries, the proxy sends
//      them elsewhere), hand back the outbox's unsent claims;
//   2. keep serving for `drainMs`, so the proxy's health check takes us out of rotation before
//      the port closes (a connection the proxy reuses just as we close it would be a 502);
//   3. close the port, tell browsers to reconnect (to another instance, through the proxy);
//   4. stop the workers (the intake's round in progress finishes) while socket.io still
//      announces what they apply, then close socket.io and wait for requests in flight;
//   5. close the database last.
// All of it bounded by `timeoutMs`: past it the process exits with code 1.

/** Browsers reconnect at a random moment within this, so a team does not arrive at once. */
export const RECONNECT_SPREAD_MS = 1_000;

export interface TShutdownDeps {
  runtime: TRuntime;
  /** The migrations this code ships, for readiness (lib/db/migrate.ts shippedMigrations). */
  migrations: readonly string[];
  server: HttpServer;
  realtime: TRealtimeStop;
  /** Periodic sweeps that start new work; stopped at once. */
  stopSweeps: () => void;
  workers: NonNullable<TRuntime["workers"]>;
  closeNext: () => Promise<void>;
  closeDatabase: () => Promise<void>;
  drainMs: number;
  timeoutMs: number;
  log?: (line: string) => void;
  exit?: (code: number) => void;
  /** Waits `ms` (injected so tests need not). */
  wait?: (ms: number) => Promise<void>;
}

/**
 * Marks the runtime as running (readiness reads `runtime.lifecycle`) and returns `stop`, to be
 * called on SIGTERM/SIGINT; a second call while stopping does nothing.
 */
export function createShutdown(deps: TShutdownDeps): (signal: string) => Promise<void> {
  const { runtime, server, realtime, workers, log = console.log, exit = (code) => process.exit(code) } = deps;
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const lifecycle = { stopping: false, migrations: deps.migrations };
  runtime.lifecycle = lifecycle;

  const quietly = async (what: string, step: () => Promise<unknown>) => {
    await step().catch((error: unknown) => log(`While stopping, ${what} failed: ${oneLine(error)}`));
  };

  return async (signal: string) => {
    if (lifecycle.stopping) return;
    // From here on whatever refuses new work (webhooks, uploads) sees it: isStopping(runtime).
    lifecycle.stopping = true;
    const started = Date.now();
    log(`${signal} received: unready now, finishing what is in flight (at most ${deps.timeoutMs} ms).`);
    const force = setTimeout(() => {
      log(`Graceful stop took longer than SHUTDOWN_TIMEOUT_MS (${deps.timeoutMs} ms); exiting.`);
      exit(1);
    }, deps.timeoutMs);
    force.unref();

    deps.stopSweeps();
    // Sends already at CM finish (and are recorded) meanwhile; the rest go back to the queue.
    const outboxStopped = quietly("the outbox", async () => {
      await workers.outbox?.stop();
      delete workers.outbox;
    });
    if (deps.drainMs > 0) await wait(deps.drainMs);

    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    realtime.askBrowsersToMove(RECONNECT_SPREAD_MS);
    // Browsers leave by themselves within the spread; whoever is still here is disconnected
    // (and reconnects by itself: socket.io retries), then the port's last requests finish.
    await wait(RECONNECT_SPREAD_MS);
    // The workers stop while socket.io is still open: what they apply until then (the intake
    // takes webhooks any instance stored) is announced to every browser through the adapter.
    // Stopped after socket.io, a round applied meanwhile was announced to no one, and a browser
    // on another instance kept the old state (the rolling-restart test saw a list row stay
    // stale). The round in progress commits (or rolls back: its webhooks stay pending for
    // another instance).
    await quietly("the intake", async () => {
      await workers.intake?.stop();
      delete workers.intake;
    });
    await quietly("the team worker", async () => workers.team?.stop());
    await quietly("the lost-windows worker", async () => workers.windows?.stop());
    await quietly("the report roll-up worker", async () => workers.rollup?.stop());
    await quietly("the search backfill", async () => workers.searchBackfill?.stop());
    // A batch in progress commits or rolls back whole; the next instance resumes the run.
    await quietly("the retention worker", async () => workers.retention?.stop());
    await quietly("the webhooks worker", async () => workers.hooks?.stop());
    await quietly("the SLA worker", async () => workers.sla?.stop());
    await quietly("socket.io", () => realtime.close());
    await closed;
    await outboxStopped;
    await quietly("Next.js", deps.closeNext);
    await quietly("the database", deps.closeDatabase);
    log(`Stopped in ${Date.now() - started} ms.`);
    exit(0);
  };
}
