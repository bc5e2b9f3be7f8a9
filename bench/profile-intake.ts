// Profiling aid (not part of `npm run bench`): starts dist/server.mjs on a scratch PostgreSQL
// database with the node flags given after `--`, posts webhooks from N closed-loop senders for
// S seconds, prints webhooks/s and the server's CPU per webhook, then stops the server with
// SIGTERM so a --cpu-prof profile is written.
//   tsx bench/profile-intake.ts [--port 3380] [--senders 64] [--seconds 10] -- --cpu-prof --cpu-prof-dir=/tmp/p
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createScratchPostgres } from "../lib/testing/scratch-postgres";
import { demoWebhookUrl, signIn } from "./ingest/app-session";
import { DEMO_IG_ACCOUNT, DEMO_LOGINS } from "./ingest/config";
import { WebhookClient } from "./ingest/http-client";
import { inboundMessage } from "./ingest/payloads";

const root = fileURLToPath(new URL("..", import.meta.url));
const split = process.argv.indexOf("--");
const { values } = parseArgs({
  args: process.argv.slice(2, split < 0 ? undefined : split),
  options: {
    port: { type: "string", default: "3380" },
    senders: { type: "string", default: "64" },
    seconds: { type: "string", default: "10" },
  },
});
const nodeFlags = split < 0 ? [] : process.argv.slice(split + 1);
const port = Number(values.port);
const baseUrl = `http://127.0.0.1:${port}`;

async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const scratch = await createScratchPostgres("bench_prof");
const dataDir = await mkdtemp(join(tmpdir(), "bench-prof-"));
const server = spawn(process.execPath, ["--max-old-space-size=192", ...nodeFlags, "dist/server.mjs"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    MALLOC_ARENA_MAX: "2",
    DEMO_MODE: "true",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: baseUrl,
    APP_SECRET: randomBytes(32).toString("hex"),
    DATA_DIR: dataDir,
    DATABASE_URL: scratch.url,
    CM_API_BASE_URL: "http://127.0.0.1:9",
    CM_SIMULATOR_URL: "",
    SIGN_IN_RATE_LIMIT: "1000",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
try {
  for (;;) {
    const up = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const login = DEMO_LOGINS[0];
  const cookie = await signIn(baseUrl, login.email, login.password);
  const client = new WebhookClient(await demoWebhookUrl(baseUrl, cookie), 10_000, 256);
  const run = randomBytes(3).toString("hex");
  for (let n = 0; n < 200; n++) await client.post(inboundMessage(DEMO_IG_ACCOUNT, run, "warm", n).body);
  const senders = Number(values.senders);
  const until = performance.now() + Number(values.seconds) * 1000;
  const cpuBefore = await cpuSeconds(server.pid ?? 0);
  let ok = 0;
  let other = 0;
  let n = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (performance.now() < until) {
        const answer = await client.post(inboundMessage(DEMO_IG_ACCOUNT, run, "load", n++).body);
        if (answer.status === "200") ok++;
        else if (other++ === 0) console.log("first non-200:", answer.status, answer.body);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = (await cpuSeconds(server.pid ?? 0)) - cpuBefore;
  console.log(
    `${senders} senders, ${seconds.toFixed(1)} s: ${(ok / seconds).toFixed(0)} webhooks/s answered 200 (${other} other);` +
      ` server CPU ${(cpu / seconds).toFixed(2)} cores, ${((cpu * 1000) / Math.max(ok, 1)).toFixed(2)} ms per webhook`,
  );
  client.close();
} finally {
  server.kill("SIGTERM");
  await exited;
  await rm(dataDir, { recursive: true, force: true });
  await scratch.drop();
}
