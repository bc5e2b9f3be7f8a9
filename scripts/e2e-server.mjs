// Starts what the browser tests run against: the CM simulator and the app (production
// build, demo mode, a fresh embedded database), wired together as `npm run demo` does.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

rmSync(process.env.DATA_DIR ?? ".data-e2e", { recursive: true, force: true });
const simulatorPort = process.env.CM_SIMULATOR_PORT ?? "4210";
const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;

const children = [
  spawn(process.execPath, ["--import", "tsx", "simulator/main.ts"], {
    stdio: "inherit",
    env: { ...process.env, CM_SIMULATOR_PORT: simulatorPort, CM_SIMULATOR_STATUS_DELAY_MS: "50" },
  }),
];

// The app registers the demo account with the simulator at start, so the simulator goes first.
for (let i = 0; i < 100; i++) {
  if (
    await fetch(`${simulatorUrl}/_sim/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
children.push(
  spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    stdio: "inherit",
    env: { ...process.env, CM_API_BASE_URL: simulatorUrl, CM_SIMULATOR_URL: simulatorUrl },
  }),
);

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}
children.forEach((child) =>
  child.on("exit", (code) => {
    children.forEach((other) => other.kill("SIGTERM"));
    process.exit(code ?? 0);
  }),
);
