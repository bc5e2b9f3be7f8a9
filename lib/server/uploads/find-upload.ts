import type { PrismaClient } from "../../db/generated/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The oldest upload still kept at `now`. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** Ids are 32 random bytes in base64url: anything else is not ours, and is not looked up. */
const UPLOAD_ID = /^[A-Za-z0-9_-]{43}$/;

/** An upload's bytes and type, or null when unknown or past retention (even if not yet swept). */
export async function findUpload(
  prisma: PrismaClient,
  id: string,
  options: { now: Date; retentionDays: number },
): Promise<{ mimeType: string; bytes: Uint8Array } | null> {
  if (!UPLOAD_ID.test(id)) return null;
  return prisma.upload.findFirst({
    where: { id, createdAt: { gt: retentionCutoff(options.now, options.retentionDays) } },
    select: { mimeType: true, bytes: true },
  });
}
