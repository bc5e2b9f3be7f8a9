import { expect, it } from "vitest";
import { openDatabase } from "./client";
import { applyMigrations, readMigrations } from "./migrate";
import { describeEachDatabase } from "../testing/databases";

describeEachDatabase("migrations", (ctx) => {
  it("creates the whole schema and records it in _prisma_migrations", async () => {
    const tables = await ctx.db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "Contact",
        "Conversation",
        "ConversationRead",
        "InstagramAccount",
        "Message",
        "User",
        "WebhookEvent",
        "_prisma_migrations",
      ]),
    );
    const { migrationDirectories } = await readMigrations();
    const recorded = await ctx.db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded.map((r) => r.migration_name)).toEqual(migrationDirectories.map((d) => d.path));
    expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(ctx.db.adapter)).toEqual([]);
  });

  it("has the indexes the inbox's hot queries need", async () => {
    const indexes = await ctx.db.prisma.$queryRaw<{ indexname: string }[]>`
      SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`;
    const names = indexes.map((i) => i.indexname);
    expect(names).toEqual(
      expect.arrayContaining([
        "Conversation_accountId_lastMessageAt_idx",
        "Message_conversationId_sentAt_direction_idx",
        "Message_unread_idx",
        "Conversation_status_accountId_assigneeId_idx",
        "Message_cmReference_key",
        "WebhookEvent_kind_dedupeKey_key",
      ]),
    );
  });
});

it("migrates an empty PGlite data folder that survives a reopen", async () => {
  const { mkdtemp, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "inbox-pglite-"));
  try {
    const first = await openDatabase({ dataDir: dir });
    expect((await applyMigrations(first.adapter)).length).toBeGreaterThan(0);
    await first.prisma.user.create({ data: { email: "a@example.com", name: "A" } });
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    expect(await applyMigrations(second.adapter)).toEqual([]);
    expect(await second.prisma.user.count()).toBe(1);
    await second.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it("refuses to open a PGlite folder another live process holds", async () => {
  const { mkdtemp, rm, writeFile } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "inbox-pglite-"));
  try {
    // pid 1 is always alive: it stands for another process holding the folder.
    await writeFile(join(dir, "pglite.lock"), "1");
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another process \(pid 1\)/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
