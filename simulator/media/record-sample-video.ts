// Records simulator/media/sample-video.webm (about a second of a moving square, VP8, a few KB)
// with Chromium's MediaRecorder, so the simulator can serve a video that headless Chromium
// plays (its builds carry no H.264). Run once: npx tsx simulator/media/record-sample-video.ts
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  const page = await browser.newPage();
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d context");
    const recorder = new MediaRecorder(canvas.captureStream(10), {
      mimeType: "video/webm;codecs=vp8",
      videoBitsPerSecond: 20_000,
    });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    for (let frame = 0; frame < 10; frame++) {
      context.fillStyle = "#1d4ed8";
      context.fillRect(0, 0, 64, 48);
      context.fillStyle = "#fbbf24";
      context.fillRect(frame * 5, 16, 16, 16);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  const out = fileURLToPath(new URL("./sample-video.webm", import.meta.url));
  await writeFile(out, Buffer.from(base64, "base64"));
  console.log(`wrote ${out} (${Buffer.from(base64, "base64").length} bytes)`);
} finally {
  await browser.close();
}
