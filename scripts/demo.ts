// `npm run demo`: the inbox on the embedded database, with the CM gateway simulator and demo
// data switched on. Builds the app first when the build is missing or older than the code.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEMO_USERS } from "../lib/server/demo/demo-fixtures";

const root = join(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";
const simulatorPort = process.env.CM_SIMULATOR_PORT ?? "4010";

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== "generated" && name !== "node_modules")
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

const builds = [join(root, ".next", "BUILD_ID"), join(root, "dist", "server.mjs")];
const sources = ["app", "components", "lib", "public", "server.ts", "proxy.ts", "next.config.js", "package.json"].map(
  (p) => join(root, p),
);
const builtAt = Math.min(...builds.map((path) => (existsSync(path) ? statSync(path).mtimeMs : 0)));
if (Math.max(...sources.map(newestMtime)) > builtAt) {
  console.log("Building the inbox (first start, or the code changed)…");
  const build = spawnSync("npm", ["run", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children: ChildProcess[] = [];
function run(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the demo.`);
      void stopAll(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stopAll(code: number): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
run("The CM simulator", ["--import", "tsx", "simulator/main.ts"], { CM_SIMULATOR_PORT: simulatorPort });
// The inbox links the demo account to the simulator when it starts: the simulator goes first.
for (let attempt = 0; attempt < 100; attempt++) {
  if (
    await fetch(`${simulatorUrl}/_sim/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
// The production build of the server: plain Node.js, no TypeScript at run time, with the
// memory settings of `npm start` (package.json; README "Memory").
run("The inbox", ["--max-old-space-size=192", "--enable-source-maps", "dist/server.mjs"], {
  MALLOC_ARENA_MAX: "2",
  NODE_ENV: "production",
  DEMO_MODE: "true",
  PORT: port,
  CM_API_BASE_URL: process.env.CM_API_BASE_URL ?? simulatorUrl,
  CM_SIMULATOR_URL: simulatorUrl,
  // The simulator is on this machine: an admin trying the demo may point an account at it.
  ALLOW_PRIVATE_CM_GATEWAY: process.env.ALLOW_PRIVATE_CM_GATEWAY ?? "true",
  // Readable lines for a person watching the terminal; LOG_FORMAT=json gives production's.
  LOG_FORMAT: process.env.LOG_FORMAT ?? "pretty",
});
console.log(
  `\nDemo: inbox on http://localhost:${port}, CM simulator on ${simulatorUrl} (open it to play a customer). Ctrl+C stops both.`,
);
// The demo's fixed logins: printed here for the person trying it, never in the server's log.
console.log("Sign in as:");
for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(5)}  ${user.email}  /  ${user.password}`);
console.log("");
