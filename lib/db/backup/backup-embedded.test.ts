import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestAccount, createTestWebhook } from "../../testing/factories";
import { DatabaseLockedError } from "../client";
import { openMigratedDatabase } from "../open-from-env";
import { readMigrations } from "../migrate";
import { backupEmbedded } from "./backup-embedded";
import { ZBackupManifest } from "./manifest";
import { restoreEmbedded } from "./restore-embedded";

let root: string;
let dataDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "inbox-backup-"));
  dataDir = join(root, "data");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Opens the data folder as the app does (migrations included), runs `work`, closes. */
async function withApp<T>(work: (db: Awaited<ReturnType<typeof openMigratedDatabase>>["db"]) => Promise<T>) {
  const { db } = await openMigratedDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function snapshot(db: Parameters<Parameters<typeof withApp>[0]>[0]) {
  const accounts = await db.prisma.instagramAccount.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const webhooks = await db.prisma.webhookEvent.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  return { accounts: accounts.map((a) => a.id), webhooks: webhooks.map((w) => w.id) };
}

async function write(db: Parameters<Parameters<typeof withApp>[0]>[0], count: number) {
  for (let i = 0; i < count; i++) {
    const account = await createTestAccount(db.prisma);
    await createTestWebhook(db.prisma, account.id, { kind: "MESSAGE", receivedAt: new Date() });
  }
}

/** A process holding the database open, as a running app does. */
async function holdOpen() {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "hold-open.fixture.ts")], {
    env: { ...process.env, DATA_DIR: dataDir },
  });
  const [line] = (await once(child.stdout, "data")) as [Buffer];
  expect(line.toString()).toBe("open\n");
  return async () => {
    child.stdin.end();
    await once(child, "exit");
  };
}

describe("backup and restore of the embedded database", () => {
  it("puts back exactly the backed-up state, keeps the replaced data aside, and the app opens it", async () => {
    const backedUp = await withApp(async (db) => {
      await write(db, 3);
      return snapshot(db);
    });
    writeFileSync(join(dataDir, "app-secret"), "generated-secret-before-backup");
    const to = join(root, "backup");
    const manifest = await backupEmbedded({ dataDir, to, now: new Date("2026-12-05T10:00:00Z") });
    expect(ZBackupManifest.parse(JSON.parse(readFileSync(join(to, "manifest.json"), "utf8")))).toEqual(manifest);
    expect(manifest.migrations).toEqual((await readMigrations()).migrationDirectories.map((d) => d.path));
    expect(manifest).toMatchObject({ kind: "pglite", createdAt: "2026-12-05T10:00:00.000Z", appSecretFile: true });

    const later = await withApp(async (db) => {
      await write(db, 2);
      return snapshot(db);
    });
    expect(later.accounts).toHaveLength(5);
    writeFileSync(join(dataDir, "app-secret"), "generated-secret-after-backup");

    const { keptAside } = await restoreEmbedded({ dataDir, from: to, now: new Date("2026-12-05T11:00:00Z") });
    expect(keptAside).toBe(join(dataDir, "before-restore-2026-12-05T11-00-00-000Z"));
    expect(readFileSync(join(dataDir, "app-secret"), "utf8")).toBe("generated-secret-before-backup");
    expect(await withApp(snapshot)).toEqual(backedUp);

    // The replaced data is whole in before-restore-…/: moved back, it is the later state.
    rmSync(join(dataDir, "pglite"), { recursive: true });
    rmSync(join(dataDir, "app-secret"));
    for (const name of readdirSync(keptAside ?? "")) renameSync(join(keptAside ?? "", name), join(dataDir, name));
    expect(await withApp(snapshot)).toEqual(later);
    // Opens the app's database four times, each applying every migration: on a loaded 2-core
    // machine that alone has taken over 30 s.
  }, 120_000);

  it("refuses to back up or restore while the app holds the database, and changes nothing", async () => {
    await withApp((db) => write(db, 1));
    const to = join(root, "backup");
    await backupEmbedded({ dataDir, to });
    const release = await holdOpen();
    try {
      await expect(backupEmbedded({ dataDir, to: join(root, "second") })).rejects.toBeInstanceOf(DatabaseLockedError);
      expect(existsSync(join(root, "second"))).toBe(false);
      await expect(restoreEmbedded({ dataDir, from: to })).rejects.toBeInstanceOf(DatabaseLockedError);
      expect(readdirSync(dataDir).filter((name) => name.startsWith("before-restore-"))).toEqual([]);
    } finally {
      await release();
    }
  });

  it("refuses a damaged archive and a backup from a newer release", async () => {
    await withApp((db) => write(db, 1));
    const to = join(root, "backup");
    const manifest = await backupEmbedded({ dataDir, to });
    const manifestPath = join(to, "manifest.json");
    writeFileSync(
      manifestPath,
      JSON.stringify({ ...manifest, migrations: [...manifest.migrations, "29990101000000_future"] }),
    );
    await expect(restoreEmbedded({ dataDir, from: to })).rejects.toThrow(/newer release.*29990101000000_future/);
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, sha256: "0".repeat(64) }));
    await expect(restoreEmbedded({ dataDir, from: to })).rejects.toThrow(/does not match its manifest/);
    expect(readdirSync(dataDir).filter((name) => name.startsWith("before-restore-"))).toEqual([]);
  });
});
