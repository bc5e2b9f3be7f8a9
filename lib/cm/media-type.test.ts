import { describe, expect, it } from "vitest";
import { imageFileProblem, imageTypeFromUrl, mediaNameFor, normalizeImageType, sniffImageType } from "./media-type";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? Array.from(v, (c) => c.charCodeAt(0)) : [v])));
const padded = (head: Uint8Array, length = 64) => {
  const out = new Uint8Array(length);
  out.set(head);
  return out;
};

describe("image type from a URL", () => {
  it("reads the extension of the last path segment, ignoring case, query and fragment", () => {
    expect(imageTypeFromUrl("https://cdn.example/a/cat.PNG?w=200#x")).toBe("image/png");
    expect(imageTypeFromUrl("https://cdn.example/photo.jpeg")).toBe("image/jpeg");
    expect(imageTypeFromUrl("https://cdn.example/favicon.ico")).toBe("image/x-icon");
    expect(imageTypeFromUrl("https://cdn.example/pic.webp")).toBe("image/webp");
  });

  it("finds nothing when the link has no image extension, or is not http(s)", () => {
    expect(imageTypeFromUrl("https://cdn.example/media/abc123")).toBeNull();
    expect(imageTypeFromUrl("https://cdn.example/image.png/")).toBeNull();
    expect(imageTypeFromUrl("https://cdn.example/doc.pdf")).toBeNull();
    expect(imageTypeFromUrl("https://cdn.example/?file=a.png")).toBeNull();
    expect(imageTypeFromUrl("ftp://cdn.example/a.png")).toBeNull();
    expect(imageTypeFromUrl("not a url")).toBeNull();
  });
});

describe("mediaNameFor", () => {
  it("keeps the URL's name when its extension fits the type, else names the file after the type", () => {
    expect(mediaNameFor("image/jpeg", "https://www.cm.com/cdn/cm-tablet.jpg")).toBe("cm-tablet.jpg");
    expect(mediaNameFor("image/png", "https://cdn.example/photo.jpg")).toBe("image.png");
    expect(mediaNameFor("image/png", "https://cdn.example/media/abc")).toBe("image.png");
    expect(mediaNameFor("image/gif")).toBe("image.gif");
    expect(mediaNameFor("image/x-icon")).toBe("image.ico");
  });
});

describe("normalizeImageType", () => {
  it("accepts Instagram's types with parameters and common aliases, and nothing else", () => {
    expect(normalizeImageType("image/PNG; charset=binary")).toBe("image/png");
    expect(normalizeImageType("image/jpg")).toBe("image/jpeg");
    expect(normalizeImageType("image/vnd.microsoft.icon")).toBe("image/x-icon");
    expect(normalizeImageType("image/svg+xml")).toBeNull();
    expect(normalizeImageType("text/html")).toBeNull();
    expect(normalizeImageType(null)).toBeNull();
  });
});

describe("sniffImageType", () => {
  it("tells each accepted type by its magic bytes", () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffImageType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a))).toBe("image/png");
    expect(sniffImageType(bytes("GIF89a"))).toBe("image/gif");
    expect(sniffImageType(bytes("RIFF", 0, 0, 0, 0, "WEBP"))).toBe("image/webp");
    expect(sniffImageType(padded(bytes("BM")))).toBe("image/bmp");
    expect(sniffImageType(padded(bytes(0, 0, 1, 0)))).toBe("image/x-icon");
  });

  it("refuses what is not one of them: SVG, HTML, a PNG signature cut short, nothing", () => {
    expect(sniffImageType(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(bytes("<!doctype html>"))).toBeNull();
    expect(sniffImageType(bytes(0x89, "PNG"))).toBeNull();
    expect(sniffImageType(bytes("RIFF", 0, 0, 0, 0, "WAVE"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("imageFileProblem", () => {
  it("says why a file cannot go to Instagram: empty, wrong type, too big", () => {
    expect(imageFileProblem({ type: "image/png", size: 0 })).toBe("The file is empty.");
    expect(imageFileProblem({ type: "image/svg+xml", size: 10 })).toMatch(/this file is image\/svg\+xml/);
    expect(imageFileProblem({ type: "", size: 10 })).toMatch(/of an unknown type/);
    expect(imageFileProblem({ type: "image/jpeg", size: 9 * 1024 * 1024 })).toBe(
      "Instagram takes images up to 8 MB; this file is 9 MB.",
    );
  });

  it("accepts an image of Instagram's types up to exactly 8 MB", () => {
    expect(imageFileProblem({ type: "image/jpeg", size: 8 * 1024 * 1024 })).toBeNull();
    expect(imageFileProblem({ type: "image/webp", size: 1 })).toBeNull();
  });
});
