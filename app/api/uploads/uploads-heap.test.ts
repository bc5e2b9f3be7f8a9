import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";

const CHILD = fileURLToPath(new URL("./uploads-heap.child.ts", import.meta.url));

/** Runs the child under `npm start`'s heap limit; resolves with its exit code and output. */
function runChild(kind: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--max-old-space-size=192", "--import", "tsx", CHILD, kind, "3", "4"], {
      env: { ...process.env, NODE_ENV: "test" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

// The database kind decides the driver path the bytes take (PGlite's in-process protocol or
// pg's socket); the child opens its own database of that kind, in its own 192 MB heap.
describeEachDatabase("8 MB uploads under npm start's 192 MB heap", (ctx) => {
  it("stores and serves twelve 8 MB images, four at a time, without running out of heap", async () => {
    const { code, output } = await runChild(ctx.db.kind);
    expect(code, output).toBe(0);
    expect(output).not.toContain("heap");
    expect(output).toContain(`stored and served 12 images of 8 MB on ${ctx.db.kind}`);
  }, 240_000);
});
