// The app's HTTP server: Next.js and socket.io on one port, the database opened and
// migrated before the first request, and a graceful stop on SIGTERM/SIGINT. Each step of the
// boot is in lib/boot/; their order is the point (see the comments below).
import next from "next";
import { APP_ROOT } from "./lib/app-root";
import { createHttpServer, createPlainHandlers } from "./lib/boot/create-http-server";
import { createIntake } from "./lib/boot/create-intake";
import { listen } from "./lib/boot/listen";
import { openRuntime } from "./lib/boot/open-runtime";
import { startRealtime } from "./lib/boot/start-realtime";
import { startWorkers } from "./lib/boot/start-workers";
import { wireShutdown } from "./lib/boot/wire-shutdown";
import { EnvError, env } from "./lib/env";
import { appOrigins } from "./lib/http/app-origins";
import { log, routeConsoleToLog } from "./lib/log/logger";
import { isStopping, setRuntime, type TRuntime } from "./lib/runtime";

async function main(): Promise<void> {
  routeConsoleToLog();
  const config = env();
  const dev = process.argv.includes("--dev");
  // Database opened and migrated, sign-in set up, first users there; nothing listens yet.
  const { db, runtime } = await openRuntime(config);

  // Every "are we stopping?" reads the runtime's lifecycle, set by the graceful stop (wireShutdown).
  const stopping = () => isStopping(runtime);
  const workers: NonNullable<TRuntime["workers"]> = {};
  const { intake, announce, pace } = createIntake({ db, config, workers });
  const handlePlain = createPlainHandlers({ db, config, stopping });

  const app = next({ dev, dir: APP_ROOT, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const origins = appOrigins(runtime.config.appUrl);
  const server = createHttpServer({
    config,
    appUrl: runtime.config.appUrl,
    appOrigins: origins,
    stopping,
    handlePlain,
    handleNext: app.getRequestHandler(),
  });
  const { io, stopSweeps } = await startRealtime(server, { db, auth: runtime.auth, config, origins });

  runtime.io = io;
  // The webhook route (app/api/webhooks/cm/…) answers 503 + Retry-After once this says no.
  runtime.intake = () => (stopping() ? undefined : intake);
  setRuntime(runtime);
  // After socket.io, so every change the workers make is announced.
  startWorkers({ db, config, io, runtime, workers, announce, pace });

  await listen(server, { config, runtime, dev });
  await wireShutdown({
    runtime,
    db,
    config,
    server,
    io,
    workers,
    stopSweeps,
    closeNext: () => app.close(),
  });
}

main().catch((error: unknown) => {
  // A wrong configuration is one clear line, not a stack trace.
  if (error instanceof EnvError) {
    log().fatal(error.message);
  } else if (error instanceof Error && error.name === "DatabaseLockedError") {
    log().fatal(error.message);
  } else {
    log().fatal({ err: error }, "The inbox could not start");
  }
  process.exit(1);
});
