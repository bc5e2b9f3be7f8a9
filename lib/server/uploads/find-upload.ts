import { extensionFor } from "../../cm/media-type";
import type { PrismaClient } from "../../db/generated/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The oldest upload still kept at `now`. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** Ids are 32 random bytes in base64url, optionally followed by an extension: nothing else is looked up. */
const UPLOAD_FILE = /^([A-Za-z0-9_-]{43})(?:\.([a-z]{3,4}))?$/;

/**
 * An upload's bytes and type by `<id>` or `<id>.<ext>` (the extension must be its type's), or
 * null when unknown or past retention (even if not yet swept).
 */
export async function findUpload(
  prisma: PrismaClient,
  file: string,
  options: { now: Date; retentionDays: number },
): Promise<{ mimeType: string; bytes: Uint8Array } | null> {
  const match = UPLOAD_FILE.exec(file);
  if (match?.[1] === undefined) return null;
  const upload = await prisma.upload.findFirst({
    where: { id: match[1], createdAt: { gt: retentionCutoff(options.now, options.retentionDays) } },
    select: { mimeType: true, bytes: true },
  });
  if (upload === null || (match[2] !== undefined && extensionFor(upload.mimeType) !== match[2])) return null;
  return upload;
}
