// `tsx scripts/make-upgrade-fixtures.ts [commit]`: databases written by the PREVIOUS release, for
// e2e/upgrade.spec.ts. Checks that release out in a temporary git worktree, builds it, runs it
// (demo mode, the CM simulator of that release beside it) on the embedded database and on a
// scratch PostgreSQL database, writes representative data through its API, stops it, and saves
// e2e/fixtures/upgrade/{pglite-data.tar.gz, postgres.dump, expected.json}.
// Re-run it (with the new previous release) after each landing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createScratchPostgres } from "../lib/testing/scratch-postgres";
import { snapshotPglite, snapshotPostgres, type TSnapshot } from "../lib/testing/upgrade-snapshot";
import { FIXTURE, writeRepresentativeData } from "./upgrade-fixture-data";

const commit = process.argv[2] ?? "2b496fc";
const root = join(import.meta.dirname, "..");
const out = join(root, "e2e", "fixtures", "upgrade");
const PORT = 3275;
const SIMULATOR_PORT = 4705;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}`);
}

/** The previous release, checked out and built (reused when already built there). */
function preparePrevious(dir: string): void {
  if (existsSync(join(dir, "dist", "server.mjs"))) return;
  run("git", ["worktree", "add", "--detach", dir, commit], root);
  // Same lockfile, same packages: copying saves a network install.
  cpSync(join(root, "node_modules"), join(dir, "node_modules"), { recursive: true, verbatimSymlinks: true });
  run("npm", ["run", "db:generate"], dir);
  run("npm", ["run", "build"], dir, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
}

function start(cwd: string, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: "inherit" });
  return Promise.resolve(child);
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await fetch(url).catch(() => undefined))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200)); // polling a process we started
  }
  throw new Error(`${url} never answered`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Runs the previous release on one database, writes the data, stops it. */
async function writeWith(prev: string, env: Record<string, string>): Promise<void> {
  const simulatorUrl = `http://127.0.0.1:${SIMULATOR_PORT}`;
  const appUrl = `http://localhost:${PORT}`;
  const simulator = await start(prev, ["--import", "tsx", "simulator/main.ts"], {
    CM_SIMULATOR_PORT: String(SIMULATOR_PORT),
    CM_SIMULATOR_STATUS_DELAY_MS: "20",
  });
  const app = await start(prev, ["dist/server.mjs"], {
    ...env,
    NODE_ENV: "production",
    PORT: String(PORT),
    DEMO_MODE: "true",
    APP_SECRET: FIXTURE.appSecret,
    APP_URL: appUrl,
    CM_SIMULATOR_URL: simulatorUrl,
    CM_API_BASE_URL: simulatorUrl,
    SIGN_IN_RATE_LIMIT: "1000",
  });
  try {
    await waitFor(`${simulatorUrl}/_sim/health`);
    await waitFor(`${appUrl}/api/health`);
    await writeRepresentativeData(appUrl, simulatorUrl);
  } finally {
    await stop(app);
    await stop(simulator);
  }
}

const work = mkdtempSync(join(tmpdir(), "inbox-upgrade-fixtures-"));
const prev = process.env.PREVIOUS_RELEASE_DIR ?? join(work, "prev");
try {
  preparePrevious(prev);

  const dataDir = join(work, "data");
  await writeWith(prev, { DATA_DIR: dataDir });
  const pglite: TSnapshot = await snapshotPglite(join(dataDir, "pglite"));
  run("tar", ["-czf", join(out, "pglite-data.tar.gz"), "-C", dataDir, "pglite"], root);

  const database = await createScratchPostgres("upfx");
  let postgres: TSnapshot;
  try {
    await writeWith(prev, { DATA_DIR: join(work, "pg-data"), DATABASE_URL: database.url });
    postgres = await snapshotPostgres(database.url);
    run(
      "pg_dump",
      [
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        `--file=${join(out, "postgres.dump")}`,
        `--dbname=${database.url}`,
      ],
      root,
    );
  } finally {
    await database.drop();
  }

  const expected = { release: commit, createdAt: new Date().toISOString(), fixture: FIXTURE, pglite, postgres };
  writeFileSync(join(out, "expected.json"), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(`Wrote the upgrade fixtures of ${commit} to ${out}.`);
} finally {
  if (!process.env.PREVIOUS_RELEASE_DIR && existsSync(prev)) run("git", ["worktree", "remove", "--force", prev], root);
  rmSync(work, { recursive: true, force: true });
}
