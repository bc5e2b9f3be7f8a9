import { createHash, randomBytes } from "node:crypto";
import { INSTAGRAM_LIMITS as L } from "../../cm/limits";
import {
  extensionFor,
  formatMegabytes,
  normalizeImageType,
  sniffImageType,
  type TImageMimeType,
} from "../../cm/media-type";
import type { TSql } from "../../db/client";
import { AppError } from "../../errors";
import { quotaRefusal, type TUploadQuota } from "./upload-quota";

export type TUploadView = { id: string; mimeType: TImageMimeType; size: number; path: string };

/**
 * The public path an upload is served at; the id is its only key. It ends in the type's
 * extension, so the link alone tells the composer and CM what it is (spec: media name).
 */
export function mediaPath(id: string, mimeType: TImageMimeType): string {
  return `/media/${id}.${extensionFor(mimeType) ?? "jpg"}`;
}

/**
 * Stores an image for the composer. The bytes decide the type: a file whose content is not one
 * of Instagram's image types, or whose content disagrees with the type the browser declared, is
 * refused (415), so we never serve HTML or SVG from our own origin under an image's name.
 * Within the quota only: 429 past the user's hourly bytes, 507 when the store is full.
 */
export async function createUpload(
  sql: TSql,
  input: {
    bytes: Uint8Array;
    declaredType: string | null;
    uploadedById: string;
    quota: TUploadQuota;
    now: Date;
  },
): Promise<TUploadView> {
  const { bytes, now } = input;
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", "The file is empty.");
  if (bytes.length > L.imageMaxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Instagram takes images up to ${formatMegabytes(L.imageMaxBytes)}.`);
  }
  const sniffed = sniffImageType(bytes);
  if (sniffed === null) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `This file is not an image Instagram takes (${L.imageExtensions.map((e) => e.toUpperCase()).join(", ")}).`,
    );
  }
  const declared = normalizeImageType(input.declaredType);
  if (declared !== null && declared !== sniffed) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `The file says it is ${declared} but its content is ${sniffed}.`);
  }
  const id = randomBytes(32).toString("base64url");
  // ONE statement measures the quota and inserts: nothing is half-written. Statements racing on
  // PostgreSQL would each measure without the others' rows, so this process runs them one at
  // a time (several instances may each pass one upload beyond a limit, no more). The bytes go
  // to the driver as a Buffer, a binary parameter: Prisma's Bytes mapping turned 8 MB into
  // strings and number arrays on the JS heap.
  const [row] = await oneAtATime(() =>
    sql.query<{ stored: number; hourBytes: number; totalBytes: number }>(
      `WITH used AS (
      SELECT
        (SELECT coalesce(sum("size"), 0) FROM "Upload"
          WHERE "uploadedById" = $6
            AND "createdAt" > ($7::timestamptz AT TIME ZONE 'UTC') - interval '1 hour')::float8 AS hour_bytes,
        (SELECT coalesce(sum("size"), 0) FROM "Upload")::float8 AS total_bytes
    ), inserted AS (
      INSERT INTO "Upload" ("id", "mimeType", "bytes", "size", "sha256", "uploadedById", "createdAt")
      SELECT $1, $2, $3, $4::int, $5, $6, $7::timestamptz AT TIME ZONE 'UTC'
      FROM used
      WHERE used.hour_bytes + $4::int <= $8::float8 AND used.total_bytes + $4::int <= $9::float8
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted)::int AS stored, hour_bytes AS "hourBytes", total_bytes AS "totalBytes"
    FROM used`,
      [
        id,
        sniffed,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        bytes.length,
        createHash("sha256").update(bytes).digest("hex"),
        input.uploadedById,
        now.toISOString(),
        input.quota.hourlyBytesPerUser,
        input.quota.totalBytes,
      ],
    ),
  );
  if (row === undefined || row.stored !== 1) {
    const use = { hourBytes: row?.hourBytes ?? 0, totalBytes: row?.totalBytes ?? 0 };
    throw await quotaRefusal(sql, {
      uploadedById: input.uploadedById,
      size: bytes.length,
      now,
      quota: input.quota,
      use,
    });
  }
  return { id, mimeType: sniffed, size: bytes.length, path: mediaPath(id, sniffed) };
}

let turn: Promise<unknown> = Promise.resolve();

/** Runs `work` after every earlier call's work has settled. */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = turn.then(work, work);
  turn = run.catch(() => undefined);
  return run;
}
