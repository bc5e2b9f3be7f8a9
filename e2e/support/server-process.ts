import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";

// Starts extra app instances from a test (beyond Playwright's webServer), so a test can stop,
// restart or multiply them. They run the production build, as a user would.

export interface TServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

export async function startServer(port: number, env: Record<string, string>): Promise<TServerProcess> {
  let output = "";
  const child = spawn(process.execPath, ["dist/server.mjs"], {
    env: { ...process.env, PORT: String(port), DEMO_MODE: "true", NODE_ENV: "production", ...env },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  await expect
    .poll(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.status, {
      timeout: 60_000,
      message: `server on port ${port} did not become healthy:\n${output}`,
    })
    .toBe(200);
  return {
    child,
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

/** Signs in the demo agent against `baseUrl` and posts a demo customer message there. */
export async function postDemoMessage(
  baseUrl: string,
  message: { igsid: string; name: string; username: string; text: string },
): Promise<Response> {
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email: "agent@demo.local", password: "demo-agent-password" }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${baseUrl}/api/demo/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: baseUrl },
    body: JSON.stringify(message),
  });
}
