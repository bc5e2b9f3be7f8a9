import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect, test } from "@playwright/test";
import { createScratchPostgres } from "../lib/testing/scratch-postgres";
import { apiAs, customerWrites, registerAccount, sentTo, startApp, startSimulator } from "./support/ops-process";
import { buildRuntimeTree, readRuntimeStage } from "./support/runtime-tree";

// The container image cannot be built on machines without a registry, so this builds what its
// runtime stage holds — production dependencies and the build output, read from the Dockerfile —
// in a scratch folder, and runs the server from there on PostgreSQL: anything the server loads
// at run time that is a dev dependency or source TypeScript fails here.

const PORT = 3270;
const SIMULATOR_PORT = 4700;
const ADMIN = { email: "ops@example.com", password: "runtime-tree-password" };
const ACCOUNT = { igAccountId: "17841400000000270", displayName: "Tree shop" };
const PRODUCT_TOKEN = "27027027-2702-2702-2702-270270270270";

function filesOutside(dir: string, skip: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === skip) continue;
    if (entry.isDirectory()) filesOutside(path, skip, found);
    else found.push(path);
  }
  return found;
}

test("the image's runtime tree starts on PostgreSQL, signs in, stores a webhook and sends a reply", async () => {
  test.setTimeout(300_000);
  const root = process.cwd();
  const stage = readRuntimeStage(readFileSync(join(root, "Dockerfile"), "utf8"));
  expect(stage.install).toEqual(expect.arrayContaining(["ci", "--omit=dev"]));
  expect(stage.copies.map((c) => c.from)).toContain("dist");
  expect(stage.healthcheck.length).toBeGreaterThan(0);

  const dir = mkdtempSync(join(tmpdir(), "inbox-runtime-tree-"));
  const database = await createScratchPostgres("tree");
  const simulator = await startSimulator(SIMULATOR_PORT);
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    buildRuntimeTree(root, dir, stage);
    // No source code: nothing outside node_modules is TypeScript, and the source folders are absent.
    const sources = filesOutside(dir, join(dir, "node_modules"))
      .map((path) => relative(dir, path))
      .filter((path) => /\.(ts|tsx|mts)$/.test(path) && !path.endsWith(".d.ts"));
    expect(sources).toEqual([]);
    for (const folder of ["lib", "app", "components", "server.ts", "scripts"])
      expect(existsSync(join(dir, folder))).toBe(false);
    // Production dependencies only: the dev tools the build used are not there (esbuild is: tsx, a
    // production dependency for `npm run backup` and the like, needs it).
    for (const devTool of ["prisma", "typescript", "vitest", "@playwright/test", "eslint", "tailwindcss"])
      expect(existsSync(join(dir, "node_modules", devTool)), devTool).toBe(false);

    const [command, ...args] = stage.cmd;
    expect(command).toBe("node");
    const env = {
      NODE_ENV: "production",
      ...stage.env,
      DATA_DIR: join(dir, "data"),
      DATABASE_URL: database.url,
      APP_SECRET: "runtime-tree-secret-0123456789abcdef0123456789",
      APP_URL: `http://localhost:${PORT}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      CM_API_BASE_URL: simulator.url,
    };
    app = await startApp({ cwd: dir, args, env, port: PORT });

    // The image's HEALTHCHECK, run as Docker would: it must pass once the server is ready.
    const [checkCommand, ...checkArgs] = stage.healthcheck;
    expect(checkCommand).toBe("node");
    await expect
      .poll(
        () =>
          spawnSync(process.execPath, checkArgs, {
            cwd: dir,
            env: { ...env, NODE_ENV: "production", PORT: String(PORT) },
          }).status,
        {
          timeout: 30_000,
          message: `HEALTHCHECK failed:\n${app.output()}`,
        },
      )
      .toBe(0);

    // Pages render (React, the route bundles and their packages load from the tree).
    const signInPage = await fetch(`${app.url}/sign-in`);
    expect(signInPage.status).toBe(200);
    expect(await signInPage.text()).toContain("<html");

    const api = await apiAs(app.url, ADMIN);
    const created = await api<{ account: { id: string; webhookUrls: Record<string, string> } }>(
      "POST",
      "/api/admin/accounts",
      { ...ACCOUNT, productToken: PRODUCT_TOKEN },
    );
    expect(created.status).toBe(200);
    await registerAccount(simulator.url, { ...ACCOUNT, productToken: PRODUCT_TOKEN, ...created.body.account });

    const from = { igsid: "9027000001", name: "Tree Customer", username: "tree" };
    expect(await customerWrites(simulator.url, { account: ACCOUNT.igAccountId, from, text: "from the tree" })).toBe(
      200,
    );
    let conversationId = "";
    await expect
      .poll(async () => {
        const list = await api<{ conversations: { id: string; lastMessagePreview?: string | null }[] }>(
          "GET",
          "/api/conversations",
        );
        conversationId = list.body.conversations[0]?.id ?? "";
        return list.body.conversations.length;
      })
      .toBe(1);
    const sent = await api("POST", `/api/conversations/${conversationId}/messages`, {
      content: { kind: "text", text: "answer from the tree" },
    });
    expect(sent.status).toBe(200);
    // The reply reaches CM with the account's token: it was encrypted and decrypted with APP_SECRET.
    await expect
      .poll(async () => JSON.stringify(await sentTo(simulator.url, from.igsid)))
      .toContain("answer from the tree");
    expect(await app.stop()).toBe(0);
    app = undefined;
  } finally {
    await app?.stop();
    await simulator.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
