import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each([
    ["/", "/"],
    ["/conversations/abc", "/conversations/abc"],
    ["/search?q=order%20123#top", "/search?q=order%20123#top"],
    ["/admin/../account", "/account"],
    // Still encoded (the query was encoded twice): a path segment here, not a host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    [["/account", "/elsewhere"], "/account"],
  ])("keeps the path %j on this site as %j", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each([
    undefined,
    "",
    "account",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\nSet-Cookie: x=1",
    "\t//evil.example",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "/.//evil.example",
    "/./\t/evil.example",
    "https://evil.example/",
    "http://app.invalid/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " /account",
  ])("sends %j to the inbox instead", (value) => {
    expect(safeNextPath(value)).toBe("/");
  });
});
