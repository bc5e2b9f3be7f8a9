import { imageTypeFromUrl } from "@/lib/cm/media-type";
import { route } from "@/lib/http/route";
import { ZMediaTypeQuery, type TMediaTypeAnswer } from "@/lib/media/schemas";
import { probeImageType } from "@/lib/server/media/probe-image-type";

export const dynamic = "force-dynamic";

/** GET /api/media-type?url=…: an image link's type, from its extension or else its server. */
export const GET = route({ access: "signed-in", query: ZMediaTypeQuery }, async ({ runtime, query }) => {
  const fromName = imageTypeFromUrl(query.url);
  if (fromName !== null) return { mimeType: fromName, source: "extension" } satisfies TMediaTypeAnswer;
  const { publicUrl, simulatorUrl } = runtime.config;
  const probed = await probeImageType(query.url, {
    allowedOrigins: simulatorUrl === undefined ? [publicUrl] : [publicUrl, simulatorUrl],
  });
  return { mimeType: probed, source: probed === null ? null : "server" } satisfies TMediaTypeAnswer;
});
