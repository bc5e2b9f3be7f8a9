import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Browser tests run in real Chromium. Where Playwright cannot download its own browser
// (CI, offline machines) the system's Chromium is used: PLAYWRIGHT_CHROMIUM_PATH, or
// /usr/bin/chromium when present. On a laptop with `npx playwright install chromium` done,
// neither is needed.
const systemChromium =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";
export const E2E_SIMULATOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 4210);
/** The server's request deadline in the tests: short, so the slow-client test is quick. */
export const E2E_REQUEST_TIMEOUT_MS = 10_000;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  // The app as a user runs it after `npm run build`: production server, embedded database
  // in a scratch folder, demo mode, and the CM simulator beside it.
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `http://localhost:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(E2E_PORT),
      DATA_DIR: E2E_DATA_DIR,
      CM_SIMULATOR_PORT: String(E2E_SIMULATOR_PORT),
      CM_SIMULATOR_STATUS_DELAY_MS: "50",
      // Tests sign in many times from one address; the limit itself is tested in Vitest.
      SIGN_IN_RATE_LIMIT: "1000",
      REQUEST_TIMEOUT_MS: String(E2E_REQUEST_TIMEOUT_MS),
      // As behind a proxy: X-Forwarded-Proto says whether the browser came over HTTPS (HSTS).
      TRUST_PROXY: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // The SLA worker looks every second, so a due time shows soon after a customer writes.
      SLA_INTERVAL_MS: "1000",
    },
  },
});
