import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { findUpload } from "@/lib/server/uploads/find-upload";

export const dynamic = "force-dynamic";

/**
 * GET /media/<id>.<ext>: an uploaded image, public because CM fetches it without our session. The id
 * is unguessable and the bytes never change, so it may be cached for a year; `nosniff` keeps a
 * browser from reading it as anything but the image type it was checked to be.
 */
export const GET = route({ access: "public" }, async ({ runtime, params }) => {
  const upload = await findUpload(runtime.db.prisma, params.id ?? "", {
    now: new Date(),
    retentionDays: runtime.config.uploadRetentionDays,
  });
  if (upload === null) throw new AppError("NOT_FOUND", "No such image, or it was deleted after its retention period.");
  return new Response(Buffer.from(upload.bytes), {
    headers: {
      "content-type": upload.mimeType,
      "content-length": String(upload.bytes.length),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
});
