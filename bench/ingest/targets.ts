// Starting and stopping what the benchmark measures: the app (`npm start`) on a scratch
// PostgreSQL database or a fresh PGlite folder, and the bare baseline on PostgreSQL.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createScratchPostgres } from "../../lib/testing/scratch-postgres";
import { DEMO_IG_ACCOUNT, DEMO_LOGINS, isHooksTarget, onPglite, type TAppTargetName, type TTargetName } from "./config";
import { demoWebhookUrl, signIn } from "./app-session";
import { Teardown, startChild, stopChild, waitHealthy } from "./processes";
import { findServerPid, portInUse } from "./rss";

export interface TTarget {
  name: TTargetName;
  /** What it runs on, for the report. */
  description: string;
  baseUrl: string;
  webhookUrl: string;
  /** Takes the same POST and refuses it (401) before any database work: the HTTP path's floor. */
  refusedUrl: string;
  igAccountId: string;
  /** The PostgreSQL database it runs on, and its name (null: PGlite, in the server's own process). */
  databaseUrl: string | null;
  databaseName: string | null;
  /** One Cookie header per agent (undefined: the baseline needs none). */
  agentCookies: (string | undefined)[];
  /** The app's admin session (Cookie header), for the admin API; undefined for the baseline. */
  adminCookie?: string;
  server: { pid: number; how: string } | null;
  /** The child the benchmark started (npm, or tsx for the baseline). */
  rootPid: number;
  stop: () => Promise<void>;
}

export interface TTargetOptions {
  appDir: string;
  benchRoot: string;
  port: number;
  agents: number;
  /** An existing database to run on (the reports benchmark's history) instead of a scratch one. */
  databaseUrl?: string;
}

async function withTeardown<T>(teardown: Teardown, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await teardown.run();
    throw error;
  }
}

function checkPort(port: number): void {
  if (portInUse(port)) throw new Error(`port ${port} is already in use: choose another with BENCH_*_PORT`);
}

/** The production server's environment in the benchmarks: demo logins, no CM, a scratch data folder. */
export function benchAppEnv({
  port,
  dataDir,
  databaseUrl,
}: {
  port: number;
  dataDir: string;
  databaseUrl: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DEMO_MODE: "true",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${port}`,
    APP_SECRET: randomBytes(32).toString("hex"),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    CM_API_BASE_URL: "http://127.0.0.1:9",
    CM_SIMULATOR_URL: "",
    SIGN_IN_RATE_LIMIT: "1000",
    TRUST_PROXY: "false",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/**
 * The app (`npm start`): app-pg on a scratch PostgreSQL database, app-pglite on a fresh PGlite
 * folder; their `-hooks` variants exactly the same plus WEBHOOKS_ALLOW_LOCAL=true (the
 * benchmark's webhook receivers are on 127.0.0.1; bench/ingest/hooks.ts adds the endpoints).
 */
export async function startApp(name: TAppTargetName, options: TTargetOptions): Promise<TTarget> {
  checkPort(options.port);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const dataDir = await mkdtemp(join(tmpdir(), "bench-ingest-"));
  const teardown = new Teardown();
  teardown.add(() => rm(dataDir, { recursive: true, force: true }));
  return withTeardown(teardown, async () => {
    const scratch = !onPglite(name) && !options.databaseUrl ? await createScratchPostgres("bench_app") : null;
    if (scratch) teardown.add(scratch.drop);
    const databaseUrl = options.databaseUrl ?? scratch?.url ?? "";
    const env = {
      ...benchAppEnv({ port: options.port, dataDir, databaseUrl }),
      ...(isHooksTarget(name) && { WEBHOOKS_ALLOW_LOCAL: "true" }),
    };
    const child = startChild(name, "npm", ["start"], { cwd: options.appDir, env });
    teardown.add(() => stopChild(child));
    await waitHealthy(child, `${baseUrl}/api/health`);
    const cookies: string[] = [];
    for (let i = 0; i < options.agents; i++) {
      const login = DEMO_LOGINS[i % DEMO_LOGINS.length] ?? DEMO_LOGINS[0];
      cookies.push(await signIn(baseUrl, login.email, login.password));
    }
    const adminCookie = cookies[0] ?? (await signIn(baseUrl, DEMO_LOGINS[0].email, DEMO_LOGINS[0].password));
    const webhookUrl = await demoWebhookUrl(baseUrl, adminCookie);
    const on = scratch
      ? "app (npm start) on PostgreSQL, scratch database"
      : databaseUrl
        ? "app (npm start) on PostgreSQL, the given database"
        : `app (npm start) on PGlite`;
    return {
      name,
      description: isHooksTarget(name) ? `${on}, WEBHOOKS_ALLOW_LOCAL=true` : on,
      baseUrl,
      webhookUrl,
      // The webhook route with a secret no account can have (too short): refused before the database.
      refusedUrl: webhookUrl.replace(/\/cm\/[^/]+\//, "/cm/not-a-secret/"),
      igAccountId: DEMO_IG_ACCOUNT,
      databaseUrl: databaseUrl || null,
      databaseName: databaseUrl ? new URL(databaseUrl).pathname.slice(1) : null,
      agentCookies: cookies,
      adminCookie,
      server: findServerPid(child.process.pid ?? -1, options.port),
      rootPid: child.process.pid ?? -1,
      stop: () => teardown.run(),
    };
  });
}

export async function startBaseline(options: TTargetOptions): Promise<TTarget> {
  checkPort(options.port);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const teardown = new Teardown();
  return withTeardown(teardown, async () => {
    const scratch = options.databaseUrl ? null : await createScratchPostgres("bench_base");
    if (scratch) teardown.add(scratch.drop);
    const databaseUrl = options.databaseUrl ?? scratch?.url ?? "";
    const tsx = join(options.benchRoot, "node_modules", ".bin", "tsx");
    const script = join(options.benchRoot, "bench", "baseline-server.ts");
    const child = startChild("baseline", tsx, [script, "--port", String(options.port), "--database-url", databaseUrl], {
      cwd: options.benchRoot,
      env: { ...process.env, NODE_ENV: "production", BASELINE_IG_ACCOUNT_ID: DEMO_IG_ACCOUNT },
    });
    teardown.add(() => stopChild(child));
    await waitHealthy(child, `${baseUrl}/health`);
    return {
      name: "baseline",
      description: "bare node:http + pg + socket.io on PostgreSQL, scratch database",
      baseUrl,
      webhookUrl: `${baseUrl}/webhook`,
      refusedUrl: `${baseUrl}/refuse`,
      igAccountId: DEMO_IG_ACCOUNT,
      databaseUrl,
      databaseName: new URL(databaseUrl).pathname.slice(1),
      agentCookies: Array.from({ length: options.agents }, () => undefined),
      server: findServerPid(child.process.pid ?? -1, options.port),
      rootPid: child.process.pid ?? -1,
      stop: () => teardown.run(),
    };
  });
}
