import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import { formatMegabytes, mediaNameFor } from "@/lib/cm/media-type";
import { AppError } from "@/lib/errors";
import { readBytesBody } from "@/lib/http/read-bytes";
import { errorResponse, route } from "@/lib/http/route";
import { ZUploadAnswer } from "@/lib/media/schemas";
import { createUpload } from "@/lib/server/uploads/create-upload";

export const dynamic = "force-dynamic";

/**
 * POST /api/uploads: the raw image as the body, its type in Content-Type. Answers the public URL
 * CM will fetch it from, with the type its bytes show and a file name that matches.
 */
export const POST = route(
  { access: "signed-in", response: ZUploadAnswer, status: 201 },
  async ({ request, runtime, user }) => {
    const bytes = await readBytesBody(
      request,
      L.imageMaxBytes,
      `Instagram takes images up to ${formatMegabytes(L.imageMaxBytes)}.`,
    );
    try {
      const upload = await createUpload(runtime.db.sql, {
        bytes,
        declaredType: request.headers.get("content-type"),
        uploadedById: user.id,
        quota: runtime.config.uploadQuota,
        now: new Date(),
      });
      const url = `${runtime.config.publicUrl}${upload.path}`;
      return { upload: { url, mimeType: upload.mimeType, size: upload.size, name: mediaNameFor(upload.mimeType) } };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "TOO_MANY_REQUESTS") throw error;
      const response = errorResponse(error);
      const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
      response.headers.set("retry-after", String(retryAfterSeconds));
      return response;
    }
  },
);
