// Starts what the browser tests run against: exactly the README's `npm run demo` (the CM
// simulator and the app in demo mode, production build), on a fresh embedded database.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

rmSync(process.env.DATA_DIR ?? ".data-e2e", { recursive: true, force: true });
const demo = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => demo.kill(signal));
demo.on("exit", (code) => process.exit(code ?? 0));
