import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, publicUrl, uploadQuota } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database in ./data on port 3000", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", DEMO_MODE: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u@db:5432/inbox" }).DATABASE_URL).toBe(
      "postgresql://u@db:5432/inbox",
    );
  });

  it("takes REDIS_URL for socket.io's events beside PostgreSQL, and refuses it otherwise", () => {
    const postgres = "postgresql://u@db:5432/inbox";
    expect(parseEnv({ DATABASE_URL: postgres })).toMatchObject({ REDIS_STREAM: "ig-inbox" });
    expect(parseEnv({ DATABASE_URL: postgres, REDIS_URL: "redis://cache:6379/0" }).REDIS_URL).toBe(
      "redis://cache:6379/0",
    );
    expect(() => parseEnv({ DATABASE_URL: postgres, REDIS_URL: "http://cache:6379" })).toThrow(
      "REDIS_URL must be a redis:// or rediss:// URL",
    );
    expect(() => parseEnv({ DATABASE_URL: postgres, REDIS_STREAM: "a b" })).toThrow("REDIS_STREAM must be");
    expect(() => parseEnv({ REDIS_URL: "redis://cache:6379" })).toThrow("REDIS_URL needs DATABASE_URL");
  });

  it("names the variable and the reason for a wrong value", () => {
    const attempt = () => parseEnv({ DATABASE_URL: "mysql://x", PORT: "eighty" });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      expect((error as EnvError).problems).toEqual([
        "PORT must be a number",
        "DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
      ]);
    }
  });

  it("treats an empty value as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("requires a long APP_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/APP_SECRET is required in production/);
    expect(() => parseEnv({ APP_SECRET: "short" })).toThrow(/APP_SECRET must be at least 32 characters/);
    expect(parseEnv({ NODE_ENV: "production", APP_SECRET: "x".repeat(32) }).APP_SECRET).toHaveLength(32);
  });

  it("reads booleans strictly", () => {
    expect(parseEnv({ DEMO_MODE: "true" }).DEMO_MODE).toBe(true);
    expect(parseEnv({ DEMO_MODE: "0" }).DEMO_MODE).toBe(false);
    expect(() => parseEnv({ DEMO_MODE: "maybe" })).toThrow(/DEMO_MODE must be true or false/);
  });
});

describe("CM_API_BASE_URL", () => {
  it("defaults to CM's global endpoint and refuses what is not an http(s) URL", () => {
    expect(parseEnv({}).CM_API_BASE_URL).toBe("https://gw.messaging.cm.com");
    expect(parseEnv({ CM_API_BASE_URL: "http://localhost:4010" }).CM_API_BASE_URL).toBe("http://localhost:4010");
    expect(() => parseEnv({ CM_API_BASE_URL: "ftp://x" })).toThrow(/CM_API_BASE_URL must be an http\(s\) URL/);
  });

  it("takes an account's own private gateway only with ALLOW_PRIVATE_CM_GATEWAY (off unless set)", () => {
    expect(parseEnv({}).ALLOW_PRIVATE_CM_GATEWAY).toBe(false);
    expect(parseEnv({ ALLOW_PRIVATE_CM_GATEWAY: "true" }).ALLOW_PRIVATE_CM_GATEWAY).toBe(true);
    expect(() => parseEnv({ ALLOW_PRIVATE_CM_GATEWAY: "sure" })).toThrow(
      /ALLOW_PRIVATE_CM_GATEWAY must be true or false/,
    );
  });
});

describe("PUBLIC_URL and UPLOAD_RETENTION_DAYS", () => {
  it("takes PUBLIC_URL for CM's address, else the app's own URL", () => {
    expect(publicUrl(parseEnv({ PORT: "4000" }))).toBe("http://localhost:4000");
    expect(publicUrl(parseEnv({ APP_URL: "https://inbox.internal/" }))).toBe("https://inbox.internal");
    expect(publicUrl(parseEnv({ APP_URL: "https://a.example", PUBLIC_URL: "https://b.example/" }))).toBe(
      "https://b.example",
    );
    expect(() => parseEnv({ PUBLIC_URL: "inbox.example.com" })).toThrow(/PUBLIC_URL must be the public http\(s\) URL/);
  });

  it("keeps uploads 30 days unless told, and refuses a retention under a day", () => {
    expect(parseEnv({}).UPLOAD_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ UPLOAD_RETENTION_DAYS: "7" }).UPLOAD_RETENTION_DAYS).toBe(7);
    expect(() => parseEnv({ UPLOAD_RETENTION_DAYS: "0" })).toThrow(/UPLOAD_RETENTION_DAYS must be at least 1 day/);
    expect(() => parseEnv({ UPLOAD_RETENTION_DAYS: "1.5" })).toThrow(/whole number of days/);
  });
});

describe("UPLOAD_HOURLY_MB_PER_USER and UPLOAD_TOTAL_MB", () => {
  it("allows 200 MB an hour per user and 2 GB in all unless told, in bytes for the upload route", () => {
    expect(uploadQuota(parseEnv({}))).toEqual({
      hourlyBytesPerUser: 200 * 1024 * 1024,
      totalBytes: 2048 * 1024 * 1024,
    });
    expect(uploadQuota(parseEnv({ UPLOAD_HOURLY_MB_PER_USER: "50", UPLOAD_TOTAL_MB: "10000" }))).toEqual({
      hourlyBytesPerUser: 50 * 1024 * 1024,
      totalBytes: 10000 * 1024 * 1024,
    });
  });

  it("refuses a limit under one full-size image (8 MB)", () => {
    expect(() => parseEnv({ UPLOAD_HOURLY_MB_PER_USER: "4" })).toThrow(
      /UPLOAD_HOURLY_MB_PER_USER must be at least 8 \(one image of Instagram's largest size\)/,
    );
    expect(() => parseEnv({ UPLOAD_TOTAL_MB: "lots" })).toThrow(/UPLOAD_TOTAL_MB must be a number/);
  });
});
