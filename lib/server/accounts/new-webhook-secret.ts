import { randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe: unguessable, and fit for a path segment. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}
