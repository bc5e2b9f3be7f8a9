import { AppError } from "../errors";

/** Reads a JSON body of at most `maxBytes`: 413 beyond, 400 when it is not JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`);
  let text: string;
  try {
    text = await request.text();
  } catch {
    // The client went away, or the edge cut the body off at its limit and has answered 413.
    throw new AppError("BAD_REQUEST", "The body could not be read.");
  }
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`);
  }
  if (!text.trim()) throw new AppError("BAD_REQUEST", "The body is empty.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}
