import { NextResponse } from "next/server";
import { imageTypeFromUrl } from "@/lib/cm/media-type";
import { route } from "@/lib/http/route";
import { ZMediaTypeAnswer, ZMediaTypeQuery } from "@/lib/media/schemas";
import { probeImageType } from "@/lib/server/media/probe-image-type";
import { PROBES_PER_MINUTE, probeLimit } from "@/lib/server/media/probe-limit";

export const dynamic = "force-dynamic";

/** GET /api/media-type?url=…: an image link's type, from its extension or else its server. */
export const GET = route(
  { access: "signed-in", query: ZMediaTypeQuery, response: ZMediaTypeAnswer },
  async ({ runtime, user, query }) => {
    const fromName = imageTypeFromUrl(query.url);
    if (fromName !== null) return { mimeType: fromName, source: "extension" as const };
    // Only what leaves the server counts: an extension is read here, for free.
    const slot = probeLimit.take(user.id);
    if (!slot.ok) {
      return NextResponse.json(
        {
          error: {
            code: "TOO_MANY_REQUESTS",
            message: `At most ${PROBES_PER_MINUTE} image links a minute can be checked; try again in ${slot.retryAfterSeconds} s.`,
          },
        },
        { status: 429, headers: { "retry-after": String(slot.retryAfterSeconds) } },
      );
    }
    const { publicUrl, simulatorUrl } = runtime.config;
    const probed = await probeImageType(query.url, {
      allowedOrigins: simulatorUrl === undefined ? [publicUrl] : [publicUrl, simulatorUrl],
    });
    return { mimeType: probed, source: probed === null ? null : ("server" as const) };
  },
);
