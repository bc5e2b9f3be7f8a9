// Demo mode's fixed logins and account. Only ever created when DEMO_MODE is on.
export const DEMO_USERS = [
  { email: "admin@demo.local", password: "demo-admin-password", name: "Ada Admin", role: "admin" },
  { email: "agent@demo.local", password: "demo-agent-password", name: "Alex Agent", role: "agent" },
] as const;

export const DEMO_ACCOUNT = {
  igAccountId: "17841400000000000",
  displayName: "Demo shop",
  productToken: "11111111-2222-3333-4444-555555555555",
} as const;
