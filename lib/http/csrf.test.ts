import { describe, expect, it } from "vitest";
import { appOrigins } from "./app-origins";
import { checkWriteRequest, type TWriteRequest } from "./csrf";

const ORIGINS = appOrigins("http://localhost:3000");
const json = { "content-type": "application/json", "content-length": "12" };

function check(request: Partial<TWriteRequest> & { headers?: TWriteRequest["headers"] }) {
  const error = checkWriteRequest({ method: "POST", url: "/api/admin/users", headers: {}, ...request }, ORIGINS);
  return error && { status: error.status, code: error.code };
}

describe("appOrigins", () => {
  it("is APP_URL's origin and its loopback twin", () => {
    expect(appOrigins("http://localhost:3000/")).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
    expect(appOrigins("http://127.0.0.1:8080")).toEqual(["http://127.0.0.1:8080", "http://localhost:8080"]);
    expect(appOrigins("https://inbox.example.com")).toEqual(["https://inbox.example.com"]);
  });
});

describe("checkWriteRequest", () => {
  it("accepts JSON from the app's own origin and its loopback twin", () => {
    expect(check({ headers: { origin: "http://localhost:3000", ...json } })).toBeNull();
    expect(check({ headers: { origin: "http://127.0.0.1:3000", ...json } })).toBeNull();
  });

  it.each(["http://localhost:3001", "http://evil.localhost:3000", "https://localhost:3000", "null"])(
    "refuses a write from the sibling or foreign origin %s with 403",
    (origin) => {
      expect(check({ headers: { origin, ...json } })).toEqual({ status: 403, code: "FORBIDDEN" });
    },
  );

  it("without Origin, accepts only Sec-Fetch-Site: same-origin", () => {
    expect(check({ headers: { "sec-fetch-site": "same-origin", ...json } })).toBeNull();
    expect(check({ headers: { "sec-fetch-site": "same-site", ...json } })).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(check({ headers: json })).toEqual({ status: 403, code: "FORBIDDEN" });
  });

  it("refuses a form's body types with 415, also on better-auth's routes", () => {
    const origin = "http://localhost:3000";
    for (const type of [
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "text/plain",
      undefined,
    ]) {
      expect(check({ headers: { origin, "content-type": type, "content-length": "5" } })).toEqual({
        status: 415,
        code: "UNSUPPORTED_MEDIA_TYPE",
      });
    }
    expect(
      check({
        url: "/api/auth/sign-in/email",
        headers: { origin, "content-type": "text/plain", "transfer-encoding": "chunked" },
      }),
    ).toEqual({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(
      check({ headers: { origin, "content-type": "application/json; charset=utf-8", "content-length": "2" } }),
    ).toBeNull();
  });

  it("takes an image type, not JSON, on the upload route", () => {
    const origin = "http://localhost:3000";
    expect(
      check({ url: "/api/uploads", headers: { origin, "content-type": "image/png", "content-length": "9" } }),
    ).toBeNull();
    expect(
      check({
        url: "/api/uploads",
        headers: { origin, "content-type": "application/octet-stream", "content-length": "9" },
      }),
    ).toBeNull();
    expect(
      check({ url: "/api/uploads", headers: { origin, "content-type": "text/html", "content-length": "9" } }),
    ).toEqual({
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
  });

  it("needs no type on a write without a body", () => {
    expect(check({ method: "DELETE", headers: { origin: "http://localhost:3000" } })).toBeNull();
    expect(check({ headers: { origin: "http://localhost:3000", "content-length": "0" } })).toBeNull();
  });

  it("leaves reads, pages and CM's webhooks alone", () => {
    expect(check({ method: "GET", headers: { origin: "http://evil.example" } })).toBeNull();
    expect(check({ method: "OPTIONS", headers: {} })).toBeNull();
    expect(
      check({ url: "/api/webhooks/cm/secret/messages", headers: { "content-type": "application/json" } }),
    ).toBeNull();
    expect(check({ url: "/sign-in", headers: {} })).toBeNull();
  });

  it("leaves the public API to its tokens (it reads no cookie), but not a path that only starts alike", () => {
    expect(check({ url: "/api/v1/conversations/x/messages", headers: json })).toBeNull();
    expect(check({ url: "/api/v1x/conversations", headers: json })).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(check({ url: "/api/admin/v1/", headers: json })).toEqual({ status: 403, code: "FORBIDDEN" });
  });

  it("covers every write method and the API's own paths", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) {
      expect(check({ method, headers: { origin: "http://localhost:3001" } })).toEqual({
        status: 403,
        code: "FORBIDDEN",
      });
    }
    expect(check({ url: "/api/auth/sign-out", headers: {} })).toEqual({ status: 403, code: "FORBIDDEN" });
  });
});
