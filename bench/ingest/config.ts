// Knobs of the webhook-intake load benchmark, all from the environment (see bench/ingest-load.ts).

export const TARGET_NAMES = ["app-pg", "app-pglite", "baseline", "app-pg-hooks", "app-pglite-hooks"] as const;
export type TTargetName = (typeof TARGET_NAMES)[number];
export type TAppTargetName = Exclude<TTargetName, "baseline">;
/** Without BENCH_TARGETS: the hooks targets are asked for by name (each adds minutes). */
const DEFAULT_TARGETS = "app-pg,app-pglite,baseline";

/** app-pg-hooks and app-pglite-hooks: the app as app-pg / app-pglite, with two webhook endpoints. */
export const isHooksTarget = (name: TTargetName): name is "app-pg-hooks" | "app-pglite-hooks" =>
  name.endsWith("-hooks");
/** The target a hooks target is compared with (app-pg-hooks → app-pg); the name itself otherwise. */
export const withoutHooks = (name: TTargetName): TTargetName =>
  isHooksTarget(name) ? (name === "app-pg-hooks" ? "app-pg" : "app-pglite") : name;
/** True when the target runs on PGlite (no PostgreSQL server needed). */
export const onPglite = (name: TTargetName): boolean => withoutHooks(name) === "app-pglite";

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

function list(name: string, fallback: string): string[] {
  return (process.env[name] ?? fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function targets(): TTargetName[] {
  const names = list("BENCH_TARGETS", DEFAULT_TARGETS);
  for (const name of names) {
    if (!(TARGET_NAMES as readonly string[]).includes(name)) {
      throw new Error(`BENCH_TARGETS: unknown target "${name}" (use ${TARGET_NAMES.join(", ")})`);
    }
  }
  return names as TTargetName[];
}

export interface TConfig {
  targets: TTargetName[];
  /** Closed loop: seconds per concurrency level, and the levels. */
  ingestSeconds: number;
  senders: number[];
  /** Open loop: seconds per rate, and the rates (webhooks/s). */
  openSeconds: number;
  rates: number[];
  /** How many answers a phase may be waiting for before the schedule skips a send. */
  maxOutstanding: number;
  /** A webhook with no answer after this long counts as a timeout (CM gives up too). */
  requestTimeoutMs: number;
  agents: number;
  /** After an open-loop burst: first look at missing events, then the longest wait for a drain. */
  missingAfterMs: number;
  drainMs: number;
  /** RSS "after" is read this long after a phase ended. */
  rssAfterMs: number;
  appPort: number;
  baselinePort: number;
  /** The hooks targets' two webhook receivers listen on this port and the next. */
  hookPort: number;
}

export function readConfig(): TConfig {
  return {
    targets: targets(),
    ingestSeconds: num("BENCH_INGEST_SECONDS", 10),
    senders: list("BENCH_SENDERS", "16,64").map(Number),
    openSeconds: num("BENCH_OPEN_SECONDS", 15),
    rates: list("BENCH_RATES", "50,200,500").map(Number),
    maxOutstanding: num("BENCH_MAX_OUTSTANDING", 1000),
    requestTimeoutMs: num("BENCH_REQUEST_TIMEOUT_MS", 10_000),
    agents: num("BENCH_AGENTS", 5),
    missingAfterMs: 5_000,
    drainMs: num("BENCH_DRAIN_SECONDS", 60) * 1000,
    rssAfterMs: 10_000,
    appPort: num("BENCH_APP_PORT", 3370),
    baselinePort: num("BENCH_BASELINE_PORT", 4370),
    hookPort: num("BENCH_HOOK_PORT", 4470),
  };
}

export const DEMO_IG_ACCOUNT = "17841400000000000";
export const DEMO_LOGINS = [
  { email: "admin@demo.local", password: "demo-admin-password" },
  { email: "agent@demo.local", password: "demo-agent-password" },
] as const;
