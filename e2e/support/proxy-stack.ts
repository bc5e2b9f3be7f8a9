import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, type Browser, type LaunchOptions, type Page } from "@playwright/test";
import { createScratchPostgres } from "../../lib/testing/scratch-postgres";
import { startServer, type TServerProcess } from "./server-process";

// What production looks like, on one machine: Caddy (deploy/caddy/Caddyfile, its internal CA)
// in front of two app instances on one PostgreSQL, and the CM simulator as CM. A browser that
// trusts Caddy's CA the way a user's does (an NSS database, not ignoreHTTPSErrors).

export const PROXY_HTTPS_PORT = 3543;
export const PROXY_HTTP_PORT = 3580;
export const SITE_URL = `https://localhost:${PROXY_HTTPS_PORT}`;
export const INSTANCE_PORTS = [3241, 3242] as const;
const SIMULATOR_PORT = 4541;
export const STACK_SIMULATOR_URL = `http://127.0.0.1:${SIMULATOR_PORT}`;

export interface TProxyStack {
  instances: TServerProcess[];
  caddyOutput: () => string;
  simulatorOutput: () => string;
  /** Caddy's internal root certificate (PEM). */
  rootCa: string;
  /** Database queries on the instances' PostgreSQL. */
  databaseUrl: string;
  /** Stops instance `i` with SIGTERM, waits for its exit, starts it again on its port. */
  restart: (i: number) => Promise<number | null>;
  /** Chromium with Caddy's root CA trusted. */
  launchBrowser: (launchOptions: LaunchOptions | undefined) => Promise<Browser>;
  close: () => Promise<void>;
}

function child(command: string, args: string[], env: Record<string, string>) {
  let output = "";
  const process_ = spawn(command, args, { env: { ...process.env, ...env } });
  process_.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  process_.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (process_.exitCode !== null || process_.signalCode !== null) return resolve();
      process_.once("exit", () => resolve());
      process_.kill("SIGTERM");
    });
  return { process: process_ as ChildProcess, output: () => output, stop };
}

/** Signs in through the proxy with the sign-in form, and waits for the live connection. */
export async function signInThroughProxy(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${SITE_URL}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A machine running five processes and a browser is slow to render: generous waits.
  await expect(page).toHaveURL(`${SITE_URL}/`, { timeout: 30_000 });
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible({ timeout: 30_000 });
}

/** GET over HTTPS through Caddy, trusting only its root: status and headers. */
export function httpsGet(
  path: string,
  rootCa: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${SITE_URL}${path}`, { ca: rootCa, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

export async function startProxyStack(instanceEnv: Record<string, string> = {}): Promise<TProxyStack> {
  const scratch = mkdtempSync(join(tmpdir(), "inbox-proxy-"));
  const database = await createScratchPostgres("e2e");
  const caddy = child("caddy", ["run", "--config", "deploy/caddy/Caddyfile", "--adapter", "caddyfile"], {
    XDG_DATA_HOME: join(scratch, "caddy-data"),
    XDG_CONFIG_HOME: join(scratch, "caddy-config"),
    INBOX_SITE: "localhost",
    INBOX_UPSTREAMS: INSTANCE_PORTS.map((port) => `127.0.0.1:${port}`).join(" "),
    INBOX_HTTP_PORT: String(PROXY_HTTP_PORT),
    INBOX_HTTPS_PORT: String(PROXY_HTTPS_PORT),
    CADDY_ADMIN: "off",
  });
  const rootPath = join(scratch, "caddy-data", "caddy", "pki", "authorities", "local", "root.crt");
  await expect
    .poll(() => existsSync(rootPath), { timeout: 30_000, message: `Caddy made no CA:\n${caddy.output()}` })
    .toBe(true);
  const rootCa = readFileSync(rootPath, "utf8");

  // The simulator plays CM: it posts webhooks to the public https:// URLs, so it trusts the CA.
  const simulator = child(process.execPath, ["--import", "tsx", "simulator/main.ts"], {
    CM_SIMULATOR_PORT: String(SIMULATOR_PORT),
    CM_SIMULATOR_STATUS_DELAY_MS: "50",
    // How long CM waits for an answer is not documented (FORMATS.md §7; CM's PHP SDK gives its own
    // requests 20 s). Here an instance serving alone shares two cores with the whole stack and a
    // browser, and may take seconds: 15 s, and the tests print how long the answers took.
    CM_SIMULATOR_WEBHOOK_TIMEOUT_MS: "15000",
    NODE_EXTRA_CA_CERTS: rootPath,
  });
  await expect
    .poll(async () => (await fetch(`${STACK_SIMULATOR_URL}/_sim/health`).catch(() => undefined))?.status, {
      timeout: 30_000,
      message: `the simulator did not start:\n${simulator.output()}`,
    })
    .toBe(200);

  const env = {
    DATABASE_URL: database.url,
    HOST: "127.0.0.1",
    APP_URL: SITE_URL,
    TRUST_PROXY: "true",
    TRUSTED_PROXY_HOPS: "1",
    CM_SIMULATOR_URL: STACK_SIMULATOR_URL,
    // Replies go to the simulator, as in `npm run demo`.
    CM_API_BASE_URL: STACK_SIMULATOR_URL,
    ALLOW_PRIVATE_CM_GATEWAY: "true",
    SIGN_IN_RATE_LIMIT: "1000",
    SHUTDOWN_DRAIN_MS: "5000",
    NEXT_TELEMETRY_DISABLED: "1",
    ...instanceEnv,
  };
  const instances: TServerProcess[] = [];
  for (const port of INSTANCE_PORTS) instances.push(await startServer(port, env));
  // Through the proxy: Caddy's health check has found an instance ready.
  await expect
    .poll(async () => (await httpsGet("/api/ready", rootCa).catch(() => undefined))?.status, { timeout: 30_000 })
    .toBe(200);

  const browsers: Browser[] = [];
  return {
    instances,
    caddyOutput: caddy.output,
    simulatorOutput: simulator.output,
    rootCa,
    databaseUrl: database.url,
    async restart(i) {
      const instance = instances[i];
      if (!instance) throw new Error(`no instance ${i}`);
      const code = await instance.stop();
      // Booting beside the other instance on the same two cores: at a lower priority until ready.
      // At that priority, beside an instance taking 50 webhooks a second on a loaded machine,
      // its couple of CPU-seconds of booting can take over a minute (CI's run: 60 s were not enough).
      instances[i] = await startServer(INSTANCE_PORTS[i] ?? 0, env, { bootNice: 10, timeoutMs: 150_000 });
      return code;
    },
    async launchBrowser(launchOptions) {
      // Chromium on Linux trusts what the NSS database in $HOME/.pki/nssdb says.
      const home = mkdtempSync(join(scratch, "home-"));
      const nssdb = `sql:${join(home, ".pki", "nssdb")}`;
      spawnSync("mkdir", ["-p", join(home, ".pki", "nssdb")]);
      for (const args of [
        ["-N", "-d", nssdb, "--empty-password"],
        ["-A", "-d", nssdb, "-t", "C,,", "-n", "Caddy Local Authority", "-i", rootPath],
      ]) {
        const result = spawnSync("certutil", args, { encoding: "utf8" });
        if (result.status !== 0) throw new Error(`certutil ${args[0]} failed: ${result.stderr}`);
      }
      const browser = await chromium.launch({ ...launchOptions, env: { ...process.env, HOME: home } });
      browsers.push(browser);
      return browser;
    },
    async close() {
      for (const browser of browsers) await browser.close().catch(() => {});
      for (const instance of instances) await instance.stop();
      await caddy.stop();
      await simulator.stop();
      await database.drop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
