import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_AGENT, signIn } from "./support/auth";
import { postDemoMessage, startServer } from "./support/server-process";

test("data survives a restart and SIGTERM stops the server cleanly", async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), "inbox-restart-"));
  try {
    const first = await startServer(3211, { DATA_DIR: dataDir });
    const created = await postDemoMessage(first.url, {
      igsid: "3000001",
      name: "Persistent Pat",
      username: "pat",
      text: "still here?",
    });
    expect(created.status).toBe(200);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain("SIGTERM received");
    expect(first.output()).toMatch(/Stopped in \d+ ms/);

    const second = await startServer(3211, { DATA_DIR: dataDir });
    // The session from before the restart still works: sessions live in the database too.
    await signIn(page, DEMO_AGENT, second.url);
    await page.goto(second.url);
    await expect(page.getByRole("listitem", { name: "Persistent Pat" })).toContainText("still here?");
    expect(await second.stop()).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
