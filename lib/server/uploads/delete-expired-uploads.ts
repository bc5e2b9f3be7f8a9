import type { PrismaClient } from "../../db/generated/client";
import { retentionCutoff } from "./find-upload";
import { log } from "../../log/logger";

/**
 * Deletes uploads past retention. Every instance runs it: the DELETE is idempotent, so two
 * instances sweeping at once delete each row once between them.
 */
export async function deleteExpiredUploads(
  prisma: PrismaClient,
  options: { now: Date; retentionDays: number },
): Promise<number> {
  const { count } = await prisma.upload.deleteMany({
    where: { createdAt: { lte: retentionCutoff(options.now, options.retentionDays) } },
  });
  return count;
}

/** Sweeps once at start, then every `intervalMs` (an hour); returns the stop function. */
export function startUploadSweep(prisma: PrismaClient, retentionDays: number, intervalMs = 60 * 60 * 1000): () => void {
  let running = false;
  const sweep = () => {
    if (running) return;
    running = true;
    void deleteExpiredUploads(prisma, { now: new Date(), retentionDays })
      .then((count) => {
        if (count > 0) log().info({ count, retentionDays }, "Deleted expired uploaded images");
      })
      .catch((err: unknown) => log().error({ err }, "Upload sweep failed"))
      .finally(() => (running = false));
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
