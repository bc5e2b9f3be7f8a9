// `npm run bench`: the database benchmark (bench/run.ts), the HTTP load benchmark of webhook
// intake (bench/ingest-load.ts), then live-event latency across three instances per socket.io
// adapter (bench/events-load.ts), then the reports over a year of history (bench/reports-load.ts),
// then the inbox at scale and its memory (bench/scale-load.ts), each in its own process. They
// print figures and assert nothing. BENCH_ONLY=db, ingest, events, reports or scale runs one.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const parts = {
  db: "bench/run.ts",
  ingest: "bench/ingest-load.ts",
  events: "bench/events-load.ts",
  reports: "bench/reports-load.ts",
  scale: "bench/scale-load.ts",
} as const;
const only = process.env.BENCH_ONLY?.trim();
if (only && !(only in parts)) {
  console.error(`BENCH_ONLY must be one of ${Object.keys(parts).join(", ")}, not "${only}"`);
  process.exit(2);
}
let code = 0;
for (const [name, script] of Object.entries(parts)) {
  if (only && only !== name) continue;
  const result = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, script)], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.signal === "SIGINT") process.exit(130);
  if (result.status !== 0) {
    console.error(`${script} exited with ${result.status ?? result.signal}`);
    code = 1;
  }
}
process.exit(code);
