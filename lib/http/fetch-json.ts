import type { z } from "zod";
import { ZErrorAnswer } from "./answers";

/** An error answer from our own API, with the server's message fit to show a user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Fetches our JSON API and validates the answer: types are not validation. */
export async function fetchJson<T extends z.ZodType>(url: string, schema: T, init?: RequestInit): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch {
    throw new ApiError(0, "NETWORK", "The server cannot be reached. Check your connection.");
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    // Not ours when it does not fit (a proxy's error page): the status is all there is to say.
    const answer = ZErrorAnswer.safeParse(body);
    if (!answer.success) throw new ApiError(response.status, "HTTP", `The server answered ${response.status}.`);
    throw new ApiError(response.status, answer.data.error.code, answer.data.error.message);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(response.status, "BAD_RESPONSE", "The server sent an answer we do not understand.");
  return parsed.data;
}

/** Sends a JSON body (or none) with a writing method and validates the answer. */
export function sendJson<T extends z.ZodType>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  schema: T,
  body?: unknown,
): Promise<z.infer<T>> {
  return fetchJson(url, schema, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
}
