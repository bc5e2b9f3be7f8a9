import { createHash, randomBytes } from "node:crypto";
import { INSTAGRAM_LIMITS as L } from "../../cm/limits";
import {
  extensionFor,
  formatMegabytes,
  normalizeImageType,
  sniffImageType,
  type TImageMimeType,
} from "../../cm/media-type";
import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";

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
 * refused (415), so we never serve HTML or SVG from our own origin under an image's name. One
 * INSERT: nothing is half-written.
 */
export async function createUpload(
  prisma: PrismaClient,
  input: { bytes: Uint8Array<ArrayBuffer>; declaredType: string | null; uploadedById: string },
): Promise<TUploadView> {
  const { bytes } = input;
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
  await prisma.upload.create({
    data: {
      id,
      mimeType: sniffed,
      bytes,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      uploadedById: input.uploadedById,
    },
  });
  return { id, mimeType: sniffed, size: bytes.length, path: mediaPath(id, sniffed) };
}
