import { z } from "zod";
import { INSTAGRAM_LIMITS as L } from "../cm/limits";

// The composer's image endpoints, shared by the routes and the browser.

export const ZMediaTypeQuery = z.object({
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048),
});

export const ZMediaTypeAnswer = z.object({
  mimeType: z.enum(L.imageMimeTypes).nullable(),
  /** Where the type came from: the link's extension, its server's Content-Type, or nowhere. */
  source: z.enum(["extension", "server"]).nullable(),
});
export type TMediaTypeAnswer = z.infer<typeof ZMediaTypeAnswer>;

export const ZUploadAnswer = z.object({
  upload: z.object({
    url: z.string(),
    mimeType: z.enum(L.imageMimeTypes),
    size: z.number(),
    name: z.string(),
  }),
});
export type TUploadAnswer = z.infer<typeof ZUploadAnswer>["upload"];
