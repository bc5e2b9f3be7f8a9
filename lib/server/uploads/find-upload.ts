import { extensionFor } from "../../cm/media-type";
import type { TSql } from "../../db/client";
import { UNUSED_UPLOAD_SQL } from "./upload-uses";

const DAY_MS = 24 * 60 * 60 * 1000;

/** An upload nothing uses is kept until `graceDays` after it was uploaded: the oldest one still kept at `now`. */
export function uploadGraceCutoff(now: Date, graceDays: number): Date {
  return new Date(now.getTime() - graceDays * DAY_MS);
}

/** Ids are 32 random bytes in base64url, optionally followed by an extension: nothing else is looked up. */
const UPLOAD_FILE = /^([A-Za-z0-9_-]{43})(?:\.([a-z]{3,4}))?$/;

export type TFoundUpload = { id: string; mimeType: string; size: number };

/**
 * An upload's type and size by `<id>` or `<id>.<ext>` (the extension must be its type's), or
 * null when unknown, or unused and past its grace period (even if not yet swept). One a message
 * or a saved reply uses is served however old it is. Its bytes are read apart, piece
 * by piece (readUploadPiece), so serving an 8 MB image never holds it whole on the JS heap.
 */
export async function findUpload(
  sql: TSql,
  file: string,
  options: { now: Date; graceDays: number },
): Promise<TFoundUpload | null> {
  const match = UPLOAD_FILE.exec(file);
  if (match?.[1] === undefined) return null;
  const [upload] = await sql.query<TFoundUpload>(
    `SELECT u."id", u."mimeType", u."size" FROM "Upload" u
    WHERE u."id" = $1 AND (u."createdAt" > ($2::timestamptz AT TIME ZONE 'UTC') OR NOT (${UNUSED_UPLOAD_SQL("u")}))`,
    [match[1], uploadGraceCutoff(options.now, options.graceDays).toISOString()],
  );
  if (upload === undefined || (match[2] !== undefined && extensionFor(upload.mimeType) !== match[2])) return null;
  return upload;
}

/**
 * Bytes `offset` to `offset + length` of an upload (0-based), or null once it is gone (swept
 * while it was being served). Both drivers answer bytea as hex text, twice its size: a piece
 * keeps that string small.
 */
export async function readUploadPiece(sql: TSql, id: string, offset: number, length: number): Promise<Buffer | null> {
  const [row] = await sql.query<{ piece: Buffer }>(
    `SELECT substring("bytes" FROM $2::int FOR $3::int) AS piece FROM "Upload" WHERE "id" = $1`,
    [id, offset + 1, length],
  );
  return row?.piece ?? null;
}
