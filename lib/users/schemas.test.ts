import { describe, expect, it } from "vitest";
import { ZCreateUser, ZUpdateUser, ZUserName } from "./schemas";

describe("ZUserName", () => {
  it.each([
    ["  Zoë Müller ", "Zoë Müller"],
    ["李小龍", "李小龍"],
    ["Sam 👩‍💻", "Sam 👩‍💻"],
    ["x".repeat(100), "x".repeat(100)],
  ])("accepts %j as %j", (name, expected) => {
    expect(ZUserName.parse(name)).toBe(expected);
  });

  it.each([
    ["", "is required"],
    ["   ", "is required"],
    ["x".repeat(101), "must be at most 100 characters"],
    ["x".repeat(100_000), "must be at most 100 characters"],
    ["Ann\u0000", "must not contain control, line-break or text-direction characters"],
    ["Ann\nAdmin", "must not contain control, line-break or text-direction characters"],
    ["Ann\tB", "must not contain control, line-break or text-direction characters"],
    ["Ann\u2028B", "must not contain control, line-break or text-direction characters"],
    ["\u202enimda", "must not contain control, line-break or text-direction characters"],
    ["Ann\u2066B", "must not contain control, line-break or text-direction characters"],
    ["A\u200bdmin", "must not contain control, line-break or text-direction characters"],
  ])("refuses %j: %s", (name, message) => {
    const result = ZUserName.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("is the rule of the admin's create and update forms", () => {
    const user = { email: "a@example.com", role: "agent", password: "a-long-password" } as const;
    expect(ZCreateUser.safeParse({ ...user, name: "\u202enimda" }).success).toBe(false);
    expect(ZUpdateUser.safeParse({ name: "Ann\nAdmin" }).success).toBe(false);
    expect(ZUpdateUser.safeParse({ name: "x".repeat(101) }).success).toBe(false);
    expect(ZUpdateUser.safeParse({}).success).toBe(true);
  });
});
