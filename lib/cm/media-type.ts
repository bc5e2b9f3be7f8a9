import { INSTAGRAM_LIMITS as L } from "./limits";

// An image's type and file name, told from its bytes, its URL or its file name. Instagram wants
// the media name to "end in the proper file extension" (spec: fact sheet, media), so the type and
// the name must agree. Browser-safe and pure: the composer, the upload route and the request
// builder all read this one table.

export type TImageMimeType = (typeof L.imageMimeTypes)[number];

const EXTENSION_OF: Record<TImageMimeType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/x-icon": "ico",
  "image/bmp": "bmp",
  "image/webp": "webp",
};

const TYPE_OF_EXTENSION: Record<string, TImageMimeType> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  jfif: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  ico: "image/x-icon",
  bmp: "image/bmp",
  webp: "image/webp",
};

/** Other names servers and browsers give the same types. */
const ALIASES: Record<string, TImageMimeType> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/vnd.microsoft.icon": "image/x-icon",
  "image/x-ms-bmp": "image/bmp",
};

/** One of Instagram's image types for a Content-Type header or a File's `type`, else null. */
export function normalizeImageType(contentType: string | null | undefined): TImageMimeType | null {
  const bare = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if ((L.imageMimeTypes as readonly string[]).includes(bare)) return bare as TImageMimeType;
  return ALIASES[bare] ?? null;
}

export function extensionFor(mimeType: string): string | null {
  const type = normalizeImageType(mimeType);
  return type === null ? null : EXTENSION_OF[type];
}

/** The type a file name's extension stands for (`photo.PNG` → image/png), else null. */
export function imageTypeFromName(name: string): TImageMimeType | null {
  const match = /\.([a-z0-9]{1,5})$/i.exec(name.trim());
  return match?.[1] === undefined ? null : (TYPE_OF_EXTENSION[match[1].toLowerCase()] ?? null);
}

/** The last path segment of an http(s) URL, decoded; the query and fragment do not count. */
export function urlFileName(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  const last = parsed.pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(last) || null;
  } catch {
    return last || null;
  }
}

/** The type a URL's extension stands for (`…/cat.png?w=200` → image/png), else null. */
export function imageTypeFromUrl(url: string): TImageMimeType | null {
  const name = urlFileName(url);
  return name === null ? null : imageTypeFromName(name);
}

/**
 * The `mediaName` to send: the URL's own file name when its extension fits the type, otherwise
 * `image.<extension of the type>`, so a PNG never goes out as `image.jpg`.
 */
export function mediaNameFor(mimeType: string, url?: string): string {
  const ext = extensionFor(mimeType) ?? "jpg";
  const fromUrl = url === undefined ? null : urlFileName(url);
  if (fromUrl !== null && imageTypeFromName(fromUrl) === normalizeImageType(mimeType) && fromUrl.length <= 200) {
    return fromUrl;
  }
  return `image.${ext}`;
}

/** The image type a file's first bytes show (its magic number), else null. */
export function sniffImageType(bytes: Uint8Array): TImageMimeType | null {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  const ascii = (offset: number, text: string) => at(offset, ...Array.from(text, (c) => c.charCodeAt(0)));
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return "image/gif";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  if (ascii(0, "BM") && bytes.length >= 26) return "image/bmp";
  if (at(0, 0x00, 0x00, 0x01, 0x00) && bytes.length >= 22) return "image/x-icon";
  return null;
}

/**
 * Why a file cannot be sent as an Instagram image (its declared type and size), or null when it
 * can. Checked in the browser before uploading and again on the server.
 */
export function imageFileProblem(file: { type: string; size: number }): string | null {
  if (file.size === 0) return "The file is empty.";
  if (normalizeImageType(file.type) === null) {
    return `Instagram takes ${L.imageExtensions.map((e) => e.toUpperCase()).join(", ")} images; this file is ${file.type || "of an unknown type"}.`;
  }
  if (file.size > L.imageMaxBytes) {
    return `Instagram takes images up to ${formatMegabytes(L.imageMaxBytes)}; this file is ${formatMegabytes(file.size)}.`;
  }
  return null;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
