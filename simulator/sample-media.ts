import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";

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

type TSample = { contentType: string; body: () => Buffer };

const SAMPLES: Record<string, TSample> = {
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
