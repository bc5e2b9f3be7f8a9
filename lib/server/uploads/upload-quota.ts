import { formatMegabytes } from "../../cm/media-type";
import type { TSql } from "../../db/client";
import { AppError } from "../../errors";

/** What uploads may take: bytes per user in any rolling hour, and bytes stored in all. */
export type TUploadQuota = { hourlyBytesPerUser: number; totalBytes: number };

const HOUR_MS = 60 * 60 * 1000;

/** What the user and everyone had stored when an upload was refused. */
export type TQuotaUse = { hourBytes: number; totalBytes: number };

/**
 * The error for an upload the quota refused: 507 when the store is full (waiting an hour would
 * not help), else 429 with the seconds until enough of this user's last hour has aged out.
 */
export async function quotaRefusal(
  sql: TSql,
  input: { uploadedById: string; size: number; now: Date; quota: TUploadQuota; use: TQuotaUse },
): Promise<AppError> {
  const { quota, use, size } = input;
  if (use.totalBytes + size > quota.totalBytes) {
    return new AppError(
      "INSUFFICIENT_STORAGE",
      `Image storage is full: ${formatMegabytes(use.totalBytes)} of ${formatMegabytes(quota.totalBytes)} are in use. ` +
        "Images are kept while a message or a saved reply shows them; " +
        "an admin can raise the limit (UPLOAD_TOTAL_MB) or turn on retention for an account.",
    );
  }
  const retryAfterSeconds = await secondsUntilRoom(sql, input);
  return new AppError(
    "TOO_MANY_REQUESTS",
    `You uploaded ${formatMegabytes(use.hourBytes)} in the last hour; the limit is ` +
      `${formatMegabytes(quota.hourlyBytesPerUser)} an hour. Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`,
    { retryAfterSeconds },
  );
}

/**
 * Uploads in the window, newest first, with the bytes of those newer than or equal to each: the
 * newest one that still leaves no room must age out first, an hour after it was stored.
 */
async function secondsUntilRoom(
  sql: TSql,
  input: { uploadedById: string; size: number; now: Date; quota: TUploadQuota },
): Promise<number> {
  const [row] = await sql.query<{ blockingAt: number | null }>(
    `SELECT (extract(epoch FROM max(w."createdAt") AT TIME ZONE 'UTC') * 1000)::float8 AS "blockingAt"
    FROM (
      SELECT "createdAt", sum("size") OVER (ORDER BY "createdAt" DESC, "id" DESC) AS newer
      FROM "Upload"
      WHERE "uploadedById" = $1 AND "createdAt" > ($2::timestamptz AT TIME ZONE 'UTC') - interval '1 hour'
    ) w
    WHERE w.newer + $3::bigint > $4::bigint`,
    [input.uploadedById, input.now.toISOString(), input.size, input.quota.hourlyBytesPerUser],
  );
  const blockingAt = row?.blockingAt ?? input.now.getTime();
  return Math.max(1, Math.ceil((blockingAt + HOUR_MS - input.now.getTime()) / 1000));
}
