import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

// Small media the simulator serves itself, standing in for Meta's CDN: a customer's voice note,
// video and file play and download in the inbox without reaching the internet. Under
// /_sim/media/expired/ every link answers 404, as a CDN link does once it has expired.

export const SAMPLE_MEDIA_PATH = "/_sim/media";

/** A 0.6 s 440 Hz tone: 8 kHz, 8-bit mono PCM WAV (about 5 KB), made here rather than committed. */
export function voiceNoteWav(): Buffer {
  const rate = 8000;
  const samples = Math.round(rate * 0.6);
  const wav = Buffer.alloc(44 + samples);
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(36 + samples, 4);
  wav.write("WAVEfmt ", 8, "ascii");
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate, 28); // bytes per second
  wav.writeUInt16LE(1, 32); // block align
  wav.writeUInt16LE(8, 34); // bits per sample
  wav.write("data", 36, "ascii");
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) wav[44 + i] = Math.round(128 + 60 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return wav;
}

/** A 48×48 PNG, Instagram pink with a white square (about 100 bytes), made here like the WAV. */
export function photoPng(): Buffer {
  const size = 48;
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3); // each row starts with filter type 0
    for (let x = 0; x < size; x++) {
      const inner = x >= 16 && x < 32 && y >= 16 && y < 32;
      rows.set(inner ? [255, 255, 255] : [225, 48, 108], row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), 8 + data.length);
  return out;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

type TSample = { contentType: string; body: () => Buffer };

const SAMPLES: Record<string, TSample> = {
  "photo.png": { contentType: "image/png", body: photoPng },
  "voice-note.wav": { contentType: "audio/wav", body: voiceNoteWav },
  // Recorded by simulator/media/record-sample-video.ts: VP8, which headless Chromium plays.
  "clip.webm": {
    contentType: "video/webm",
    body: () => readFileSync(fileURLToPath(new URL("./media/sample-video.webm", import.meta.url))),
  },
  "order-details.txt": {
    contentType: "text/plain; charset=utf-8",
    body: () => Buffer.from("Order 4711: 2 × winter boots, size 42.\n"),
  },
};

/** What the simulator sends for each kind when the caller names no URL. */
export const SAMPLE_FILES = {
  audio: { name: "voice-note.wav", contentType: "audio/wav" },
  video: { name: "clip.webm", contentType: "video/webm" },
  file: { name: "order-details.txt", contentType: "text/plain" },
} as const;

/** Answers GET /_sim/media/<name>: a sample, or 404 (unknown, or under expired/). */
export function sendSampleMedia(res: ServerResponse, name: string): void {
  const sample = name.startsWith("expired/") ? undefined : SAMPLES[name];
  if (sample === undefined) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("This CDN link has expired.");
    return;
  }
  const body = sample.body();
  res.writeHead(200, {
    "Content-Type": sample.contentType,
    "Content-Length": body.length,
    "Cache-Control": "no-store",
  });
  res.end(body);
}
