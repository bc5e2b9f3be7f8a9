import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// AES-256-GCM for secrets we must store and use again (CM product tokens). The key is
// derived from APP_SECRET with HKDF and a purpose label, so it differs from the key that
// signs sessions. Stored form: "v1.<iv>.<tag>.<ciphertext>", base64url parts.

const VERSION = "v1";

export interface TSecretBox {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
}

export function createSecretBox(appSecret: string, purpose: string): TSecretBox {
  const key = Buffer.from(hkdfSync("sha256", appSecret, "ig-inbox", purpose, 32));
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    decrypt(stored) {
      const [version, iv, tag, ciphertext] = stored.split(".");
      if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
        throw new Error("The stored secret is not in a known format.");
      }
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      try {
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        // Wrong APP_SECRET, or tampered data: never show what was stored.
        throw new Error("The stored secret cannot be decrypted: was APP_SECRET changed?");
      }
    },
  };
}
