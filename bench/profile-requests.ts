// Profiling aid (not part of `npm run bench`): starts dist/server.mjs (bench/profile/server.ts)
// with the node flags given after `--`, signs in as the demo admin, then asks each --path N times
// one at a time and prints its p50 and the server's CPU per request; SIGTERM at the end writes a
// --cpu-prof profile (summarize it with bench/profile/summarize.ts). --database-url runs on a
// kept database (a scale benchmark's, BENCH_KEEP=1) instead of a scratch one.
//   tsx bench/profile-requests.ts --path /api/health --path '/api/conversations?view=all' -- --cpu-prof --cpu-prof-dir=/tmp/p
import { fileURLToPath } from "node:url";
import { signIn } from "./ingest/app-session";
import { DEMO_LOGINS } from "./ingest/config";
import { profilerArgs, startProfiledServer } from "./profile/server";
import { cpuMsOf } from "./scale/timing";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values, nodeFlags } = profilerArgs(
  {
    "database-url": { type: "string", default: "" },
    path: { type: "string", multiple: true, default: ["/api/health"] },
    requests: { type: "string", default: "500" },
    login: { type: "string", default: "0" },
  },
  3381,
);
const server = await startProfiledServer({
  appDir: values["app-dir"] || root,
  port: Number(values.port),
  nodeFlags,
  databaseUrl: values["database-url"] || undefined,
});
try {
  const login = DEMO_LOGINS[Number(values.login)] ?? DEMO_LOGINS[0];
  const cookie = await signIn(server.baseUrl, login.email, login.password);
  for (const path of values.path) {
    const get = async () => {
      const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
    };
    for (let n = 0; n < 20; n++) await get();
    const times: number[] = [];
    const cpuBefore = cpuMsOf(server.pid) ?? 0;
    for (let n = 0; n < Number(values.requests); n++) {
      const started = performance.now();
      await get();
      times.push(performance.now() - started);
    }
    const cpuMs = (cpuMsOf(server.pid) ?? 0) - cpuBefore;
    times.sort((a, b) => a - b);
    const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(1);
    console.log(
      `GET ${path}: ${times.length} requests, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms; ` +
        `server CPU ${(cpuMs / times.length).toFixed(2)} ms per request`,
    );
  }
} finally {
  await server.stop();
}
