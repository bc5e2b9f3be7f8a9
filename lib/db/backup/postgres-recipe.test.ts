import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROOT } from "../../app-root";
import { createScratchPostgres, postgresReachable } from "../../testing/scratch-postgres";
import { createTestAccount, createTestWebhook } from "../../testing/factories";
import { openMigratedDatabase } from "../open-from-env";

// The README's PostgreSQL recipe, run as written (deploy/postgres/backup.sh and restore.sh)
// against a database that is being written to while pg_dump runs. CI installs
// postgresql-client when pg_dump is missing (.ci/run).

const script = (name: string) => join(APP_ROOT, "deploy", "postgres", name);
// Like every PostgreSQL test, it runs where a server is reachable (lib/testing/databases.ts);
// there, pg_dump must be installed too.
describe.runIf(await postgresReachable())("PostgreSQL backup and restore recipe", () => {
  let source: Awaited<ReturnType<typeof createScratchPostgres>>;
  let target: Awaited<ReturnType<typeof createScratchPostgres>>;
  let dir: string;
  beforeAll(async () => {
    source = await createScratchPostgres("bk");
    target = await createScratchPostgres("rs");
    dir = mkdtempSync(join(tmpdir(), "inbox-pg-backup-"));
  });
  afterAll(async () => {
    await source.drop();
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("dumps a database being written to and restores one consistent snapshot into a fresh one", async () => {
    const { db } = await openMigratedDatabase({ DATABASE_URL: source.url, DATA_DIR: dir });
    const image = randomBytes(256 * 1024);
    const upload = await db.prisma.upload.create({
      data: {
        id: randomBytes(32).toString("base64url"),
        mimeType: "image/png",
        bytes: image,
        size: image.length,
        sha256: "x",
      },
    });
    // Each write is an account and its webhook in one transaction: a consistent snapshot has
    // as many of one as of the other, whenever it was taken.
    const writePair = () =>
      db.prisma.$transaction(async (tx) => {
        const account = await createTestAccount(tx as typeof db.prisma);
        await createTestWebhook(tx as typeof db.prisma, account.id, { kind: "MESSAGE", receivedAt: new Date() });
      });
    for (let i = 0; i < 20; i++) await writePair();
    let writing = true;
    let written = 20;
    const writer = (async () => {
      while (writing) {
        await writePair();
        written++;
      }
    })();
    const dump = join(dir, "inbox.dump");
    try {
      // Asynchronous on purpose: the writer keeps committing while pg_dump runs.
      await new Promise<void>((resolve, reject) => {
        const child = spawn(script("backup.sh"), [source.url, dump], { stdio: ["ignore", "ignore", "inherit"] });
        child.on("error", reject);
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`backup.sh exited ${code}`))));
      });
    } finally {
      writing = false;
      await writer;
    }
    await db.close();
    expect(written, "the writer committed while pg_dump ran").toBeGreaterThan(20);

    execFileSync(script("restore.sh"), [dump, target.url], { stdio: "pipe" });
    const restored = await openMigratedDatabase({ DATABASE_URL: target.url, DATA_DIR: dir });
    try {
      expect(restored.applied).toEqual([]);
      const accounts = await restored.db.prisma.instagramAccount.count();
      expect(accounts).toBeGreaterThanOrEqual(20);
      expect(accounts).toBeLessThanOrEqual(written);
      expect(await restored.db.prisma.webhookEvent.count()).toBe(accounts);
      const copy = await restored.db.prisma.upload.findUniqueOrThrow({ where: { id: upload.id } });
      expect(Buffer.from(copy.bytes).equals(image)).toBe(true);
    } finally {
      await restored.db.close();
    }
  });
});
