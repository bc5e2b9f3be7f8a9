import { z } from "zod";

// Two roles: admins do everything, agents work the inbox. Shared by server and browser.
export const ROLES = ["admin", "agent"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export function isAdmin(role: string | null | undefined): boolean {
  return role === "admin";
}
