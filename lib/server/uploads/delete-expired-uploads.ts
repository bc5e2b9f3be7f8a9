import type { PrismaClient } from "../../db/generated/client";
import { retentionCutoff } from "./find-upload";

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
        if (count > 0) console.log(`Deleted ${count} uploaded image(s) older than ${retentionDays} days.`);
      })
      .catch((error: unknown) => console.error("Upload sweep failed:", error))
      .finally(() => (running = false));
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
