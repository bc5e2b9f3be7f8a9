import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Signatures per the Standard Webhooks specification (https://www.standardwebhooks.com):
// the secret is "whsec_" + base64 of 32 random bytes; a message is signed as
// base64(HMAC-SHA256(secret bytes, "<webhook-id>.<webhook-timestamp>.<body>")) and sent as
// `webhook-signature: v1,<signature>`. Receivers check it with any Standard Webhooks library,
// or with `verifyHookSignature` as the README shows.

const PREFIX = "whsec_";

export function newHookSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

export function signHook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secretBytes(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/**
 * Whether a delivery is ours: one of the space-separated signatures matches, and its timestamp
 * is within `toleranceSeconds` of now (a replayed old delivery is refused).
 */
export function verifyHookSignature(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  { now = Date.now(), toleranceSeconds = 300 }: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signHook(secret, headers.id, timestamp, body).slice(3), "base64");
  return headers.signature.split(" ").some((candidate) => {
    const [version, mac] = candidate.split(",");
    if (version !== "v1" || !mac) return false;
    const given = Buffer.from(mac, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
