import { z } from "zod";
import { INSTAGRAM_LIMITS as L } from "../cm/limits";

// The composer's image endpoints, shared by the routes and the browser.

export const ZMediaTypeQuery = z.object({
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048),
});

export const ZMediaTypeAnswer = z
  .object({
    mimeType: z.enum(L.imageMimeTypes).nullable(),
    /** Where the type came from: the link's extension, its server's Content-Type, or nowhere. */
    source: z.enum(["extension", "server"]).nullable(),
  })
  .describe("GET /api/media-type: an image link's type (null: not an image Instagram takes, or unknown).");
export type TMediaTypeAnswer = z.infer<typeof ZMediaTypeAnswer>;

export const ZUploadAnswer = z
  .object({
    upload: z.object({
      url: z.string().describe("Where CM fetches it from (our public URL)."),
      mimeType: z.enum(L.imageMimeTypes).describe("The type its bytes show."),
      size: z.number().describe("In bytes."),
      name: z.string().describe("A file name that matches the type."),
    }),
  })
  .describe("POST /api/uploads (201): the image is stored and served.");
export type TUploadAnswer = z.infer<typeof ZUploadAnswer>["upload"];
