import { z } from "zod";
import { ZRole } from "../auth/roles";

// Agents and admins as the admin page sends and receives them (shared by server and browser).

export const ZPassword = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(128, "must be at most 128 characters");

export const ZCreateUser = z.object({
  email: z.email("must be an email address").trim().toLowerCase(),
  name: z.string().trim().min(1, "is required").max(100),
  role: ZRole,
  password: ZPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  role: ZRole.optional(),
  /** false deactivates: the user's sessions and live connections end at once. */
  active: z.boolean().optional(),
});
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZResetPassword = z.object({ password: ZPassword });

export const ZUserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  active: z.boolean(),
  online: z.boolean(),
  createdAt: z.string(),
});
export type TUserView = z.infer<typeof ZUserView>;
