import { AppError } from "../errors";

/**
 * Reads a raw body of at most `maxBytes`, stopping as soon as it is over (a client that lies in
 * Content-Length, or sends none, cannot make us buffer more): 413 beyond. The bytes stay in
 * Buffers, outside the JS heap; the pieces are joined once, at the end.
 */
export async function readBytesBody(request: Request, maxBytes: number, tooLarge: string): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
