// Profiling aids' server (not part of `npm run bench`): dist/server.mjs started on a scratch
// PostgreSQL database (or a given one) with the node flags given, the demo logins signed in.
// Stopped with SIGTERM, so a --cpu-prof profile is written.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { createScratchPostgres } from "../../lib/testing/scratch-postgres";
import { benchAppEnv } from "../ingest/targets";

export interface TProfiledServer {
  baseUrl: string;
  pid: number;
  stop: () => Promise<void>;
}

export async function startProfiledServer(options: {
  appDir: string;
  port: number;
  nodeFlags: string[];
  databaseUrl?: string;
}): Promise<TProfiledServer> {
  const scratch = options.databaseUrl ? null : await createScratchPostgres("bench_prof");
  const dataDir = await mkdtemp(join(tmpdir(), "bench-prof-"));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const server = spawn(process.execPath, ["--max-old-space-size=192", ...options.nodeFlags, "dist/server.mjs"], {
    cwd: options.appDir,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...benchAppEnv({ port: options.port, dataDir, databaseUrl: options.databaseUrl ?? scratch?.url ?? "" }),
      MALLOC_ARENA_MAX: "2",
    },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    server.kill("SIGTERM");
    await exited;
    await rm(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  };
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
      const up = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: server.pid ?? 0, stop };
}

/**
 * A profiling script's own options (before `--`, with --app-dir and --port) and the node flags
 * for the server (after it).
 */
export function profilerArgs<const T extends NonNullable<ParseArgsConfig["options"]>>(options: T, defaultPort: number) {
  const split = process.argv.indexOf("--");
  const { values } = parseArgs({
    args: process.argv.slice(2, split < 0 ? undefined : split),
    options: {
      ...options,
      "app-dir": { type: "string", default: "" },
      port: { type: "string", default: String(defaultPort) },
    } as const,
  });
  return { values, nodeFlags: split < 0 ? [] : process.argv.slice(split + 1) };
}
