// Profiling aids' server (not part of `npm run bench`): dist/server.mjs started on a scratch
// PostgreSQL database (or a given one) with the node flags given, the demo logins signed in.
// Stopped with SIGTERM, so a --cpu-prof profile is written.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createScratchPostgres } from "../../lib/testing/scratch-postgres";

export interface TProfiledServer {
  baseUrl: string;
  pid: number;
  stop: () => Promise<void>;
}

/** The process's user and system CPU so far, in seconds. */
export async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
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
      ...process.env,
      NODE_ENV: "production",
      MALLOC_ARENA_MAX: "2",
      DEMO_MODE: "true",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      APP_URL: baseUrl,
      APP_SECRET: randomBytes(32).toString("hex"),
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl ?? scratch?.url ?? "",
      CM_API_BASE_URL: "http://127.0.0.1:9",
      CM_SIMULATOR_URL: "",
      SIGN_IN_RATE_LIMIT: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
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
