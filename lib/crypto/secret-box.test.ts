import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secret-box";

const token = "11111111-2222-3333-4444-555555555555";

describe("secret box", () => {
  const box = createSecretBox("a".repeat(64), "cm-product-token");

  it("round-trips, and the stored form holds no trace of the plaintext", () => {
    const stored = box.encrypt(token);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(Buffer.from(token).toString("base64url"));
    expect(box.decrypt(stored)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(box.encrypt(token)).not.toBe(box.encrypt(token));
  });

  it("refuses another secret, another purpose, and tampered data", () => {
    const stored = box.encrypt(token);
    expect(() => createSecretBox("b".repeat(64), "cm-product-token").decrypt(stored)).toThrow(/cannot be decrypted/);
    expect(() => createSecretBox("a".repeat(64), "other").decrypt(stored)).toThrow(/cannot be decrypted/);
    const parts = stored.split(".");
    const flipped = [...parts.slice(0, 3), Buffer.from("x".repeat(36)).toString("base64url")].join(".");
    expect(() => box.decrypt(flipped)).toThrow(/cannot be decrypted/);
    expect(() => box.decrypt("garbage")).toThrow(/not in a known format/);
  });
});
