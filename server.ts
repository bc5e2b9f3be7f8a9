// The app's HTTP server: Next.js and socket.io on one port, the database opened and
// migrated before the first request, and a graceful stop on SIGTERM/SIGINT.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import next from "next";
import { APP_ROOT } from "./lib/app-root";
import { resolveAppSecret } from "./lib/auth/app-secret";
import { createAuth } from "./lib/auth/create-auth";
import { getSignedInSession } from "./lib/auth/session";
import { createSecretBox } from "./lib/crypto/secret-box";
import { withStartupLock } from "./lib/db/startup-lock";
import { describeDatabase, openMigratedDatabase } from "./lib/db/open-from-env";
import { shippedMigrations } from "./lib/db/migrate";
import { appOrigins } from "./lib/http/app-origins";
import { createEdge, edgeServerOptions } from "./lib/http/edge";
import { EnvError, appUrl, env, publicUrl, uploadQuota, type TEnv } from "./lib/env";
import { createWebhookIntake } from "./lib/pipeline/intake/webhook-intake";
import { createWebhookAccounts } from "./lib/pipeline/intake/webhook-accounts";
import { startIntake } from "./lib/pipeline/intake/start-intake";
import { createStoreAndApply } from "./lib/pipeline/intake/store-and-apply-message";
import { listOnlineUserIds } from "./lib/realtime/server/presence";
import { startTeamWorker } from "./lib/pipeline/team/start-team-worker";
import type { TEffects } from "./lib/effects/inbox-effects";
import { startOutbox } from "./lib/pipeline/outbox/start-outbox";
import { emitEffects } from "./lib/realtime/server/emit";
import { createIo } from "./lib/realtime/server/create-io";
import { startDatabaseWatch } from "./lib/realtime/server/database-watch";
import { startSessionSweep } from "./lib/realtime/server/session-sweep";
import { startUploadSweep } from "./lib/server/uploads/delete-expired-uploads";
import { createMediaHttpHandler } from "./lib/server/uploads/media-http";
import { setRuntime, type TRuntime } from "./lib/runtime";
import { createShutdown } from "./lib/lifecycle/shutdown";
import { accessibleAccountIds } from "./lib/server/access/account-access";
import { conversationAccountFor } from "./lib/server/access/assert-conversation-access";
import { DEMO_USERS } from "./lib/server/demo/demo-fixtures";
import { registerWithSimulator } from "./lib/server/demo/register-with-simulator";
import { seedDemo } from "./lib/server/demo/seed-demo";
import { bootstrapUsers } from "./lib/server/users/bootstrap-users";
import { log, routeConsoleToLog } from "./lib/log/logger";
import { observeRequests } from "./lib/log/request-log";
import { createMetricsHttpHandler } from "./lib/metrics/metrics-http";

async function main(): Promise<void> {
  routeConsoleToLog();
  const config = env();
  const dev = process.argv.includes("--dev");
  const version = (JSON.parse(readFileSync(join(APP_ROOT, "package.json"), "utf8")) as { version: string }).version;

  const { secret, generated } = resolveAppSecret(config);
  if (generated) log().warn(`No APP_SECRET set: generated one in ${config.DATA_DIR}/app-secret (development only).`);

  const { db, applied } = await openMigratedDatabase(config);
  if (applied.length) log().info({ migrations: applied }, "Applied migrations");

  const runtimeConfig: TRuntime["config"] = {
    appUrl: appUrl(config),
    publicUrl: publicUrl(config),
    uploadRetentionDays: config.UPLOAD_RETENTION_DAYS,
    uploadQuota: uploadQuota(config),
    cmBaseUrl: config.CM_API_BASE_URL,
    allowPrivateCmGateway: config.ALLOW_PRIVATE_CM_GATEWAY,
    demoMode: config.DEMO_MODE,
    simulatorUrl: config.DEMO_MODE ? config.CM_SIMULATOR_URL : undefined,
  };
  const auth = createAuth({
    prisma: db.prisma,
    secret,
    baseUrl: runtimeConfig.appUrl,
    signInPerMinute: config.SIGN_IN_RATE_LIMIT,
    signInFailuresPerAccount: config.SIGN_IN_ACCOUNT_RATE_LIMIT,
    secureCookies: runtimeConfig.appUrl.startsWith("https://"),
  });
  const tokens = createSecretBox(secret, "cm-product-token");
  // Several instances may start at once on one PostgreSQL: only one creates the first admin.
  await withStartupLock(db, () =>
    prepareUsers({ config, prisma: db.prisma, auth, tokens, appUrl: runtimeConfig.publicUrl }),
  );

  // Webhooks are stored by the intake (called by the route app/api/webhooks/cm/…) and applied
  // by the intake processor (below).
  const webhookAccounts = createWebhookAccounts(db.prisma);
  let accepting = true;
  const workers: NonNullable<TRuntime["workers"]> = {};
  // On PostgreSQL a message that arrives while few are in flight is stored and applied at once.
  // Whatever intake commits is announced, and may give a conversation to an agent (auto-assignment).
  const announce = (effects: TEffects) => {
    emitEffects(effects);
    workers.team?.consider(effects);
  };
  const storeAndApply = db.pool ? createStoreAndApply(db.pool, { emit: announce, maxInFlight: 4 }) : undefined;
  const intake = createWebhookIntake(
    { sql: db.sql, accounts: webhookAccounts, wake: (kind) => workers.intake?.wake(kind), storeAndApply },
    {
      maxInFlight: config.WEBHOOK_MAX_IN_FLIGHT,
      storeTimeoutMs: 10_000,
      log: (line) => log().warn({ component: "intake" }, line),
    },
  );

  const handleMedia = createMediaHttpHandler(() =>
    accepting ? { sql: db.sql, retentionDays: config.UPLOAD_RETENTION_DAYS } : undefined,
  );

  const handleMetrics = createMetricsHttpHandler(config.METRICS_TOKEN, {
    sql: db.sql,
    pools: { app: db.pool, events: db.eventsPool },
  });

  const app = next({ dev, dir: APP_ROOT, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  // Every request passes the edge first: its body is bounded and counted before anyone reads
  // it, cross-origin writes are refused, the client's address settled (lib/http/edge.ts).
  const origins = appOrigins(runtimeConfig.appUrl);
  const edge = createEdge({
    appUrl: runtimeConfig.appUrl,
    appOrigins: origins,
    trustProxy: config.TRUST_PROXY,
    trustedHops: config.TRUSTED_PROXY_HOPS,
  });
  const server = createServer(
    edgeServerOptions({ requestTimeoutMs: config.REQUEST_TIMEOUT_MS }),
    observeRequests((req, res) => {
      // Stopping: each connection closes after its answer, so when the port closes no proxy holds
      // one it might be sending on at that moment (that request would be cut: a 502).
      if (!accepting) res.setHeader("connection", "close");
      if (edge(req, res)) return;
      if (handleMedia(req, res)) return;
      if (handleMetrics(req, res)) return;
      void handle(req, res);
    }),
  );
  const io = await createIo(server, db.eventsPool, {
    origins,
    authenticate: (headers) => getSignedInSession(auth, headers),
    accessibleAccounts: (user) => accessibleAccountIds(db.prisma, user),
    mayViewConversation: async (user, id) => (await conversationAccountFor(db.prisma, user, id)) !== null,
    redis: config.REDIS_URL ? { url: config.REDIS_URL, stream: config.REDIS_STREAM } : undefined,
  });
  const stopSweep = startSessionSweep(io, db.prisma);
  const stopDatabaseWatch = startDatabaseWatch(io, db.prisma);
  const stopUploadSweep = startUploadSweep(db.prisma, config.UPLOAD_RETENTION_DAYS);
  const runtime: TRuntime = { db, io, auth, tokens, version, config: runtimeConfig };
  // The webhook route (app/api/webhooks/cm/…) answers 503 + Retry-After once this says no.
  runtime.intake = () => (accepting ? intake : undefined);
  setRuntime(runtime);
  // The pipeline's workers start after socket.io, so every change they make is announced.
  // Intake applies stored webhooks; the outbox sends queued replies, retries them, and takes
  // over sends of instances that died.
  workers.intake = startIntake({
    prisma: db.prisma,
    pool: db.pool,
    emit: announce,
    concurrency: db.kind === "postgres" ? config.INTAKE_CONCURRENCY : 1,
  });
  workers.team = startTeamWorker({ prisma: db.prisma, emit: emitEffects, online: () => listOnlineUserIds(io) });
  workers.outbox = startOutbox({
    prisma: db.prisma,
    tokens,
    cmBaseUrl: runtimeConfig.cmBaseUrl,
    cmGateway: { allowPrivate: config.ALLOW_PRIVATE_CM_GATEWAY },
  });
  runtime.workers = workers;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  log().info(
    {
      url: runtimeConfig.appUrl,
      mode: dev ? "development" : "production",
      database: describeDatabase(config),
      version,
    },
    `Inbox ready on ${runtimeConfig.appUrl}`,
  );

  // SIGTERM: unready, drain, reconnect browsers elsewhere, finish, close (lib/lifecycle/shutdown.ts).
  const stop = createShutdown({
    runtime,
    migrations: await shippedMigrations(),
    server,
    io,
    workers,
    stopAccepting: () => void (accepting = false),
    stopSweeps: () => [stopSweep, stopDatabaseWatch, stopUploadSweep].forEach((stopOne) => stopOne()),
    closeNext: () => app.close(),
    closeDatabase: () => db.close(),
    drainMs: config.SHUTDOWN_DRAIN_MS,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

async function prepareUsers(deps: { config: TEnv; appUrl: string } & Parameters<typeof seedDemo>[0]): Promise<void> {
  const { config } = deps;
  if (config.DEMO_MODE) {
    const account = await seedDemo(deps);
    // Their passwords are the demo's fixtures (README, `npm run demo` prints them), never logged.
    log().info({ users: DEMO_USERS.map((user) => user.email) }, "Demo mode: demo users ready");
    if (config.CM_SIMULATOR_URL) {
      await registerWithSimulator(config.CM_SIMULATOR_URL, account).then(
        () =>
          log().info(
            { accountId: account.id, simulator: config.CM_SIMULATOR_URL },
            `Demo account "${account.displayName}" linked to the CM simulator.`,
          ),
        (err: Error) => log().warn({ err }, "Could not link the demo account to the CM simulator"),
      );
    }
    return;
  }
  const outcome = await bootstrapUsers({ ...deps }, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
  if (outcome.kind === "created-admin") log().info({ email: outcome.email }, "Created the first admin");
  if (outcome.kind === "needs-admin") {
    log().warn("No users yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create the first admin.");
  }
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
