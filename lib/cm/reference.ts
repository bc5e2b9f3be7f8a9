// CM's `reference`: 1–32 alphanumeric characters (FORMATS.md §1.3) and the only key that joins a
// send to its status reports. Web Crypto (globalThis.crypto) works in Node ≥ 20 and browsers.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const CM_REFERENCE_LENGTH = 28;
export const CM_REFERENCE_PATTERN = /^[A-Za-z0-9]{1,32}$/;

/** A fresh random reference (28 chars ≈ 166 bits), unbiased by rejection sampling. */
export function newCmReference(length: number = CM_REFERENCE_LENGTH): string {
  if (length < 1 || length > 32) throw new RangeError("a CM reference is 1 to 32 characters");
  let out = "";
  while (out.length < length) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      // 248 = 4 × 62: bytes above it would favour the first letters.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}
