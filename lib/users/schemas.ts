import { z } from "zod";
import { ZRole } from "../auth/roles";

// Agents and admins as the admin page sends and receives them (shared by server and browser).

export const ZPassword = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(128, "must be at most 128 characters");

// Control characters, line breaks and text-direction overrides: a name shows in assignments,
// system lines, presence, mentions and notifications, where these would break the layout or
// make it read as something else ("\u202Enimda" renders as "admin").
const HIDDEN_CHARACTERS = /[\p{Cc}\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/u;

/** A user's display name: the one rule for every way a name is set. */
export const ZUserName = z
  .string()
  .trim()
  .min(1, "is required")
  .max(100, "must be at most 100 characters")
  .refine((name) => !HIDDEN_CHARACTERS.test(name), "must not contain control, line-break or text-direction characters");

export const ZCreateUser = z.object({
  email: z.email("must be an email address").trim().toLowerCase(),
  name: ZUserName,
  role: ZRole,
  password: ZPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  name: ZUserName.optional(),
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

/** The signed-in user, as the session names them. */
export const ZSignedInUser = z.object({ id: z.string(), email: z.string(), name: z.string(), role: ZRole });
export type TSignedInUser = z.infer<typeof ZSignedInUser>;

// ---- Answers (the routes' `response`, read by lib/queries with the same schemas) ----------

export const ZUserList = z
  .object({ users: z.array(ZUserView).describe("Admins first, then agents, each by name.") })
  .describe("GET /api/admin/users: every user, with who is online now.");

export const ZUserAnswer = z
  .object({ user: ZUserView })
  .describe("The user as it is after the write (created or updated).");

export const ZPasswordResetAnswer = z
  .object({ reset: z.literal(true) })
  .describe("POST /api/admin/users/<id>/reset-password: the new password is set and the user's sessions are ended.");

export const ZMeAnswer = z.object({ user: ZSignedInUser }).describe("GET /api/me: who is signed in.");
