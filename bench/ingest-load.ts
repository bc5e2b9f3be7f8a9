// HTTP load benchmark of webhook intake: the app's production server (on PostgreSQL and on
// PGlite) against a bare node:http + pg + socket.io baseline, in the same run, one at a time.
// It prints figures and the issue's targets beside them; it asserts nothing. It exits non-zero
// only when it could not run at all.
//
// Outgoing webhooks' cost (issue 21): the targets app-pg-hooks and app-pglite-hooks start the
// app exactly as app-pg and app-pglite, plus WEBHOOKS_ALLOW_LOCAL=true, then two webhook
// receivers (bench/hook-receiver-server.ts, a child process answering 200 at once) and two
// endpoints subscribed to every event on every account, added through the admin API. The same
// phases run; after each, the run waits until every delivery is made (receivers quiet, the
// endpoints' `pending` 0) so no backlog leaks into the next phase, and prints what each
// receiver got (POSTs, distinct webhook-ids, every 200-answered message's message.created),
// the webhooks' lag from change to arrival, and (PostgreSQL) deliveries tried more than once.
// With both app-X and app-X-hooks in BENCH_TARGETS, the intake's figures of the two are printed
// side by side as ratios, beside "within 10 %", with each phase's CPU per stored webhook (the
// server and its database's backends, until its webhooks were delivered: the steadiest figure
// on a shared machine) and how much CPU other programs took meanwhile. The hooks targets are
// not in the default BENCH_TARGETS (each adds two to three minutes): ask for them, e.g.
//   BENCH_TARGETS=app-pg,app-pg-hooks,app-pg-hooks,app-pg BENCH_RATES=200 BENCH_SENDERS=16 tsx bench/ingest-load.ts
// The targets run one after the other in the order given, and the one that runs second does
// better on a 2-core machine (warm caches, warm load generator): name each twice, ABBA as
// above, and the comparison takes each figure's geometric mean over its runs (ingest/hooks-cost.ts).
//
// Usage: npm run bench  (or BENCH_ONLY=ingest npm run bench, or tsx bench/ingest-load.ts)
// Needs the production build (`npm run build`; made once if missing).
// Knobs: BENCH_TARGETS=app-pg,app-pglite,baseline (also app-pg-hooks, app-pglite-hooks)
//        BENCH_INGEST_SECONDS=10  BENCH_SENDERS=16,64
//        BENCH_OPEN_SECONDS=15  BENCH_RATES=50,200,500  BENCH_MAX_OUTSTANDING=1000
//        BENCH_REQUEST_TIMEOUT_MS=10000  BENCH_DRAIN_SECONDS=60 (also the longest wait for
//        the webhook deliveries after a phase)  BENCH_AGENTS=5
//        BENCH_APP_PORT=3370 (the first target; the next ones the next ports)  BENCH_BASELINE_PORT=4370
//        BENCH_HOOK_PORT=4470 (the hooks targets' two receivers: this port and the next)
//        BENCH_APP_DIR=<checkout whose production build to start> (default: this one)
//        TEST_DATABASE_URL=<PostgreSQL server for scratch databases>
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { TEST_POSTGRES_URL, postgresReachable } from "../lib/testing/scratch-postgres";
import { connectAgents } from "./ingest/agents";
import { isHooksTarget, onPglite, readConfig, type TConfig, type TTargetName } from "./ingest/config";
import { startHooks, type THookBench } from "./ingest/hooks";
import { WebhookClient } from "./ingest/http-client";
import { printHooksComparison } from "./ingest/hooks-cost";
import { closedLoop, floorLoop, openLoop, warmUp, type TPhaseContext } from "./ingest/phases";
import { cleanupAll, installExitHandlers, isStopping } from "./ingest/processes";
import {
  printClosed,
  printCpu,
  printFloor,
  printHooks,
  printOpen,
  printRss,
  printSamples,
  printTargets,
  printTargetsVsBaseline,
  type TTargetResult,
} from "./ingest/report";
import { CpuMeter } from "./ingest/cpu-meter";
import { watchMachineCpu } from "./ingest/machine-cpu";
import { RssSampler, treeRssOf } from "./ingest/rss";
import { formatStatuses, mb, ms, nonOk, sleep } from "./ingest/stats";
import { startApp, startBaseline, type TTarget } from "./ingest/targets";

installExitHandlers();
const config = readConfig();
const benchRoot = fileURLToPath(new URL("..", import.meta.url));
const appDir = resolve(process.env.BENCH_APP_DIR ?? benchRoot);
const run = randomBytes(3).toString("hex");

/**
 * The production build must exist: `.next/BUILD_ID`, and the compiled server when `npm start`
 * runs one (e.g. `node dist/server.mjs`). If anything is missing, `npm run build` makes it once.
 */
function ensureBuild(): string {
  const idFile = join(appDir, ".next", "BUILD_ID");
  const start = (JSON.parse(readFileSync(join(appDir, "package.json"), "utf8")) as { scripts?: { start?: string } })
    .scripts?.start;
  const compiled = /\b(dist\/[\w./-]+\.m?js)\b/.exec(start ?? "")?.[1];
  const needed = [idFile, ...(compiled ? [join(appDir, compiled)] : [])];
  if (!needed.every((file) => existsSync(file))) {
    console.log(`No complete production build in ${appDir}: running npm run build first.`);
    const built = spawnSync("npm", ["run", "build"], {
      cwd: appDir,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (built.status !== 0 || !needed.every((file) => existsSync(file))) throw new Error("npm run build failed");
  }
  return `${readFileSync(idFile, "utf8").trim()} (built ${statSync(idFile).mtime.toISOString()})`;
}

async function measure(target: TTarget, result: TTargetResult, hooks: THookBench | null): Promise<void> {
  const log = (line: string) => console.log(`[${target.name}] ${line}`);
  /** On a hooks target: waits for the phase's deliveries (no backlog into the next phase). */
  const settle = async (
    phase: string,
    before: Awaited<ReturnType<THookBench["snapshot"]>> | null,
    endedAt: number,
    ok?: { tokens: string[]; prefix: string },
  ) => {
    if (!hooks || !before) return;
    const done = await hooks.settle({ phase, before, endedAt, timeoutMs: config.drainMs, ok });
    result.hooks.push(done);
    const got = done.received.map((r) => `${r.requests}/${r.distinct}`).join(" and ");
    const lag = done.lastAfterMs === null ? "none received" : `last at +${(done.lastAfterMs / 1000).toFixed(1)} s`;
    log(
      `webhooks out after ${phase}: received (POSTs/distinct ids) ${got}; ${lag};` +
        ` ${done.settledAfterMs === null ? `still pending: ${done.pending}` : "pending 0"}`,
    );
  };
  const snapshot = () => hooks?.snapshot() ?? Promise.resolve(null);
  const prefix = (phase: string) => `bench-${run}-${phase}-`;
  const maxSenders = Math.max(...config.senders);
  const client = new WebhookClient(target.webhookUrl, config.requestTimeoutMs, config.maxOutstanding + maxSenders);
  const agents = await connectAgents(target.baseUrl, target.agentCookies);
  const rss = target.server ? new RssSampler(target.server.pid) : null;
  const ctx: TPhaseContext = { client, igAccountId: target.igAccountId, run, agents, agentCount: config.agents, rss };
  const machineCpu = watchMachineCpu();
  const meter = new CpuMeter(target.rootPid, target.databaseName);
  /** CPU of the phase, from its start until its outgoing webhooks (if any) were all delivered. */
  const cpu = (phase: string, webhooks: number | null) => {
    const used = meter.stop();
    if (used !== null) result.cpu.push({ phase, ms: used, webhooks });
  };
  try {
    const beforeWarmUp = await snapshot();
    result.warmUp = formatStatuses(await warmUp(ctx));
    await settle("warm-up", beforeWarmUp, Date.now());
    await sleep(2_000);
    result.rssIdle = rss?.now() ?? null;
    result.rssTreeIdle = treeRssOf(target.rootPid);
    log(`${config.agents} agents connected; warm-up ${result.warmUp}; idle RSS ${mb(result.rssIdle)}`);
    for (const senders of config.senders) {
      const before = await snapshot();
      meter.start();
      const closed = await closedLoop(ctx, { senders, seconds: config.ingestSeconds, drainMs: config.drainMs });
      result.closed.push(closed);
      log(`closed loop, ${senders} senders: ${closed.perSecond.toFixed(0)}/s, p99 ${ms(closed.p99)} ms`);
      await settle(`closed loop ${senders} senders`, before, closed.endedAt, {
        tokens: closed.okTokens,
        prefix: prefix(`c${senders}`),
      });
      cpu(`closed ${senders} senders`, closed.okTokens.length);
      await sleep(1_000);
    }
    const floorClient = new WebhookClient(target.refusedUrl, config.requestTimeoutMs, maxSenders);
    try {
      result.floor = await floorLoop(ctx, floorClient, { senders: maxSenders, seconds: config.ingestSeconds });
      log(`floor, ${maxSenders} senders refused before the database: ${result.floor.perSecond.toFixed(0)}/s`);
    } finally {
      floorClient.close();
    }
    await sleep(1_000);
    for (const rate of config.rates) {
      const before = await snapshot();
      meter.start();
      const open = await openLoop(ctx, { ...config, rate, seconds: config.openSeconds });
      result.open.push(open);
      log(
        `open loop ${rate}/s: ${formatStatuses(open.statuses)}, event p99 ${ms(open.eventP99)} ms,` +
          ` missing after drain ${open.missingAfterDrain}`,
      );
      await settle(`open loop ${rate}/s`, before, open.endedAt, { tokens: open.okTokens, prefix: prefix(`o${rate}`) });
      // How many were stored is known only when all were answered 200 (a timed-out one may be
      // stored and applied long after): otherwise no CPU per webhook.
      cpu(`open ${rate}/s`, open.skipped === 0 && nonOk(open.statuses) === 0 ? open.ok : null);
    }
  } finally {
    result.machine = machineCpu();
    agents.close();
    client.close();
  }
}

async function runTarget(name: TTargetName, index: number): Promise<TTargetResult> {
  const result: TTargetResult = {
    name,
    description: "",
    server: "",
    warmUp: "",
    rssIdle: null,
    rssTreeIdle: null,
    closed: [],
    floor: null,
    open: [],
    hooks: [],
    cpu: [],
    machine: null,
  };
  const options = {
    appDir,
    benchRoot,
    agents: config.agents,
    port: name === "baseline" ? config.baselinePort : config.appPort + index,
  };
  let target: TTarget | undefined;
  let hooks: THookBench | null = null;
  try {
    const started = performance.now();
    target = name === "baseline" ? await startBaseline(options) : await startApp(name, options);
    result.description = target.description;
    const ready = `ready in ${((performance.now() - started) / 1000).toFixed(1)} s on ${target.baseUrl}`;
    result.server = target.server
      ? `${ready}; server pid ${target.server.pid} (${target.server.how})`
      : `${ready}; server pid not found (RSS not measured)`;
    if (isHooksTarget(name)) {
      if (!target.adminCookie) throw new Error("no admin session to add the webhook endpoints with");
      hooks = await startHooks({
        baseUrl: target.baseUrl,
        adminCookie: target.adminCookie,
        benchRoot,
        port: config.hookPort,
        databaseUrl: target.databaseUrl,
      });
      result.description += `; webhooks: ${hooks.description}`;
    }
    console.log(`\n[${name}] ${result.description}, ${result.server}`);
    await measure(target, result, hooks);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    console.error(`[${name}] could not be measured: ${result.error}`);
  } finally {
    await target?.stop();
    await hooks?.stop();
  }
  return result;
}

function describe(c: TConfig): string {
  return (
    `closed loop ${c.senders.join("/")} senders × ${c.ingestSeconds} s; open loop ${c.rates.join("/")}/s × ${c.openSeconds} s;` +
    ` ${c.agents} agents; request timeout ${c.requestTimeoutMs} ms; max ${c.maxOutstanding} outstanding; drain ≤ ${c.drainMs / 1000} s`
  );
}

const machine = () =>
  `${cpus().length} cores, load average ${loadavg()
    .map((v) => v.toFixed(2))
    .join(" ")}`;

async function main(): Promise<number> {
  console.log(`\nWebhook intake under HTTP load (run ${run}): ${describe(config)}`);
  console.log(`App: ${appDir}, production build ${ensureBuild()}`);
  console.log(`Machine: ${machine()}; the servers, PostgreSQL and this load generator share it.`);
  let names = config.targets;
  if (names.some((n) => !onPglite(n)) && !(await postgresReachable())) {
    console.log(
      `No PostgreSQL at ${TEST_POSTGRES_URL}: only the PGlite targets can run (no baseline to compare with).`,
    );
    names = names.filter(onPglite);
  }
  const results: TTargetResult[] = [];
  for (const [index, name] of names.entries()) {
    results.push(await runTarget(name, index));
    // Ctrl+C: the exit handler is stopping the servers and will exit; print nothing half-done.
    if (isStopping()) return new Promise<number>(() => {});
  }

  printTargets(results);
  // A target that failed half-way still shows the phases it finished.
  const measured = results.filter((r) => r.closed.length + r.open.length > 0);
  printClosed(measured, config.ingestSeconds);
  printFloor(measured, config.ingestSeconds);
  printOpen(measured, config.rates);
  printSamples(measured);
  printRss(measured);
  printCpu(measured);
  printTargetsVsBaseline(measured);
  printHooks(measured);
  printHooksComparison(measured, config, names);
  console.log(`\nMachine at the end: ${machine()}.`);
  return measured.length ? 0 : 1;
}

const code = await main().catch((error: unknown) => {
  console.error("The ingest benchmark could not run:", error);
  return 1;
});
await cleanupAll();
process.exit(code);
