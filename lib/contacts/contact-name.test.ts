import { describe, expect, it } from "vitest";
import { contactName } from "./contact-name";

describe("contactName", () => {
  it("prefers the name, then the username, then the Instagram id", () => {
    expect(contactName({ name: "Jane Doe", username: "jane", igsid: "123" })).toBe("Jane Doe");
    expect(contactName({ name: null, username: "jane", igsid: "123" })).toBe("jane");
    expect(contactName({ name: "", username: null, igsid: "123" })).toBe("123");
  });
});
