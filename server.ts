// The app's HTTP server: Next.js and socket.io on one port, the database opened and
// migrated before the first request, and a graceful stop on SIGTERM/SIGINT.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import next from "next";
import { describeDatabase, openMigratedDatabase } from "./lib/db/open-from-env";
import { EnvError, env } from "./lib/env";
import { createIo } from "./lib/realtime/create-io";
import { setRuntime } from "./lib/runtime";

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = env();
  const dev = process.argv.includes("--dev");
  const version = (JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string })
    .version;

  const { db, applied } = await openMigratedDatabase(config);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

  const app = next({ dev, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => void handle(req, res));
  const io = await createIo(server, db.pool);
  setRuntime({ db, io, version });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const shownHost = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  console.log(
    `Inbox ready on http://${shownHost}:${config.PORT} (${dev ? "development" : "production"}, ${describeDatabase(config)})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests, then stopping.`);
    const force = setTimeout(() => {
      console.error("Graceful stop took too long; exiting.");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // Stop accepting; in-flight requests finish, idle keep-alive connections close.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await io.close().catch(() => {});
    await closed;
    setRuntime(undefined);
    await app.close().catch(() => {});
    await db.close();
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  // A wrong configuration is one clear line, not a stack trace.
  if (error instanceof EnvError) {
    console.error(error.message);
  } else if (error instanceof Error && error.name === "DatabaseLockedError") {
    console.error(error.message);
  } else {
    console.error("The inbox could not start:", error);
  }
  process.exit(1);
});
