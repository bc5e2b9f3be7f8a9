import { describe, expect, it } from "vitest";
import { INSTAGRAM_LIMITS } from "../cm/limits";
import { MAX_WEBHOOK_BYTES } from "../webhooks/limits";
import { API_JSON_MAX_BYTES, AUTH_MAX_BYTES, OTHER_MAX_BYTES, bodyLimitFor, tooLargeUpfront } from "./body-limits";

describe("bodyLimitFor", () => {
  it.each([
    ["/api/webhooks/cm/secret-abc/messages", "webhook", MAX_WEBHOOK_BYTES],
    ["/api/uploads", "upload", INSTAGRAM_LIMITS.imageMaxBytes + 64 * 1024],
    ["/api/uploads?x=1", "upload", INSTAGRAM_LIMITS.imageMaxBytes + 64 * 1024],
    ["/api/auth/sign-in/email", "auth", AUTH_MAX_BYTES],
    ["/api/auth/sign-out", "auth", AUTH_MAX_BYTES],
    ["/api/admin/users", "api", API_JSON_MAX_BYTES],
    ["/api/conversations/1/messages", "api", API_JSON_MAX_BYTES],
    ["/socket.io/?EIO=4&transport=polling", "socket", 1_000_000],
    ["/", "other", OTHER_MAX_BYTES],
    ["/sign-in?next=/api/uploads", "other", OTHER_MAX_BYTES],
  ])("%s is a %s route with %d bytes", (url, route, bytes) => {
    expect(bodyLimitFor(url)).toEqual({ route, bytes });
  });

  it("gives no other path the upload limit", () => {
    expect(bodyLimitFor("/api/uploads/../admin/users").route).toBe("api");
    expect(bodyLimitFor("/api/uploadsx").route).toBe("api");
  });
});

describe("tooLargeUpfront", () => {
  const limit = { bytes: 100, route: "api" as const };
  it("refuses a declared length over the limit", () => {
    expect(tooLargeUpfront({ "content-length": "101" }, limit)).toBe(true);
    expect(tooLargeUpfront({ "content-length": "209715200" }, limit)).toBe(true);
  });
  it("leaves a missing, small or malformed length to the counter", () => {
    expect(tooLargeUpfront({}, limit)).toBe(false);
    expect(tooLargeUpfront({ "transfer-encoding": "chunked" }, limit)).toBe(false);
    expect(tooLargeUpfront({ "content-length": "100" }, limit)).toBe(false);
    expect(tooLargeUpfront({ "content-length": "abc" }, limit)).toBe(false);
  });
  it("refuses any body where none is taken", () => {
    const none = { bytes: 0, route: "other" as const };
    expect(tooLargeUpfront({ "transfer-encoding": "chunked" }, none)).toBe(true);
    expect(tooLargeUpfront({ "content-length": "1" }, none)).toBe(true);
    expect(tooLargeUpfront({ "content-length": "0" }, none)).toBe(false);
    expect(tooLargeUpfront({}, none)).toBe(false);
  });
});
