import { describe, expect, it } from "vitest";
import type { TAccountView } from "../accounts/schemas";
import type { TUserView } from "../users/schemas";
import { compareAccounts, upsertUser } from "./admin";
import { removeRow, upsertRow } from "./rows";

function account(id: string, displayName: string, enabled = true): TAccountView {
  return {
    id,
    igAccountId: `1784${id}`,
    displayName,
    productTokenMasked: "••••••••-••••-••••-••••-••••••••5555",
    cmBaseUrl: null,
    enabled,
    humanAgentTag: false,
    autoAssign: false,
    autoAssignLimit: 10,
    webhookUrls: { messages: "m", events: "e", statusReports: "s" },
    createdAt: "2026-01-01T10:00:00.000Z",
    settings: {
      timeZone: "UTC",
      businessHours: null,
      surveyEnabled: false,
      surveyText: "",
      surveyFollowUpText: "",
      surveyCooldownDays: 7,
    },
  };
}

function user(id: string, name: string, overrides: Partial<TUserView> = {}): TUserView {
  return {
    id,
    email: `${id}@example.com`,
    name,
    role: "agent",
    active: true,
    online: false,
    createdAt: "2026-01-01T10:00:00.000Z",
    ...overrides,
  };
}

const names = (rows: { displayName?: string; name?: string }[] | undefined) =>
  rows?.map((r) => r.displayName ?? r.name);

describe("upsertRow", () => {
  it("adds a new row where the server's order puts it", () => {
    const rows = [account("a", "Alpha"), account("c", "Charlie")];
    expect(names(upsertRow(rows, account("b", "Bravo"), compareAccounts))).toEqual(["Alpha", "Bravo", "Charlie"]);
  });

  it("replaces a changed row and moves it when its name changed", () => {
    const rows = [account("a", "Alpha"), account("b", "Bravo")];
    const next = upsertRow(rows, account("a", "Zulu", false), compareAccounts);
    expect(names(next)).toEqual(["Bravo", "Zulu"]);
    expect(next?.find((r) => r.id === "a")?.enabled).toBe(false);
  });

  it("leaves a list that was never loaded alone", () => {
    expect(upsertRow(undefined, account("a", "Alpha"), compareAccounts)).toBeUndefined();
  });

  it("does not change the list it was given", () => {
    const rows = [account("b", "Bravo")];
    upsertRow(rows, account("a", "Alpha"), compareAccounts);
    expect(names(rows)).toEqual(["Bravo"]);
  });
});

describe("removeRow", () => {
  it("drops the row with that id", () => {
    expect(names(removeRow([account("a", "Alpha"), account("b", "Bravo")], "a"))).toEqual(["Bravo"]);
  });
});

describe("upsertUser", () => {
  it("sorts admins before agents, then by name", () => {
    const rows = [user("1", "Zed", { role: "admin" }), user("2", "Amy")];
    expect(names(upsertUser(rows, user("3", "Bob", { role: "admin" })))).toEqual(["Bob", "Zed", "Amy"]);
  });

  it("keeps the presence the list saw, since a write's answer does not know it", () => {
    const rows = [user("1", "Amy", { online: true })];
    expect(upsertUser(rows, user("1", "Amy", { role: "admin" }))?.[0]).toMatchObject({ role: "admin", online: true });
  });

  it("shows a deactivated user offline at once", () => {
    const rows = [user("1", "Amy", { online: true })];
    expect(upsertUser(rows, user("1", "Amy", { active: false }))?.[0]).toMatchObject({ active: false, online: false });
  });
});
