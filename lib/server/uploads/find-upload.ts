import { extensionFor } from "../../cm/media-type";
import type { TSql } from "../../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The oldest upload still kept at `now`. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** Ids are 32 random bytes in base64url, optionally followed by an extension: nothing else is looked up. */
const UPLOAD_FILE = /^([A-Za-z0-9_-]{43})(?:\.([a-z]{3,4}))?$/;

export type TFoundUpload = { id: string; mimeType: string; size: number };

/**
 * An upload's type and size by `<id>` or `<id>.<ext>` (the extension must be its type's), or
 * null when unknown or past retention (even if not yet swept). Its bytes are read apart, piece
 * by piece (readUploadPiece), so serving an 8 MB image never holds it whole on the JS heap.
 */
export async function findUpload(
  sql: TSql,
  file: string,
  options: { now: Date; retentionDays: number },
): Promise<TFoundUpload | null> {
  const match = UPLOAD_FILE.exec(file);
  if (match?.[1] === undefined) return null;
  const [upload] = await sql.query<TFoundUpload>(
    `SELECT "id", "mimeType", "size" FROM "Upload"
    WHERE "id" = $1 AND "createdAt" > ($2::timestamptz AT TIME ZONE 'UTC')`,
    [match[1], retentionCutoff(options.now, options.retentionDays).toISOString()],
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
