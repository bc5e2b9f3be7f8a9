import { describe, expect, it } from "vitest";
import { ZCreateAccount } from "@/lib/accounts/schemas";
import { describeFieldError, formText, validateForm } from "./validate-form";

describe("validateForm", () => {
  it("gives the parsed data when the input is valid", () => {
    const result = validateForm(ZCreateAccount, {
      igAccountId: " 17841400000000001 ",
      displayName: "Shop",
      productToken: "11111111-2222-3333-4444-555555555555",
      cmBaseUrl: "https://gw.example.com/",
    });
    expect(result).toEqual({
      ok: true,
      data: {
        igAccountId: "17841400000000001",
        displayName: "Shop",
        productToken: "11111111-2222-3333-4444-555555555555",
        cmBaseUrl: "https://gw.example.com",
      },
    });
  });

  it("keeps one message per field", () => {
    const result = validateForm(ZCreateAccount, { igAccountId: "abc", displayName: "", productToken: "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["displayName", "igAccountId", "productToken"]);
    expect(result.errors.displayName).toBe("is required");
  });
});

describe("describeFieldError", () => {
  it("puts the field's name before a schema's predicate", () => {
    expect(describeFieldError("Display name", "is required")).toBe("Display name is required.");
  });

  it("shows a whole sentence as it is", () => {
    expect(describeFieldError("Name", "Too big: expected string to have <=100 characters")).toBe(
      "Too big: expected string to have <=100 characters",
    );
  });
});

describe("formText", () => {
  it("trims, and reads a missing field as empty", () => {
    const form = new FormData();
    form.set("name", "  Amy ");
    expect(formText(form, "name")).toBe("Amy");
    expect(formText(form, "email")).toBe("");
  });
});
