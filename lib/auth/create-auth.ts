import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, userAc } from "better-auth/plugins/admin/access";
import type { PrismaClient } from "../db/generated/client";
import { appOrigins } from "../http/app-origins";
import { CLIENT_IP_HEADER } from "../http/request-headers";
import { oneLine } from "../errors-one-line";
import { ACCOUNT_SIGN_IN_WINDOW_MS, createAccountSignInLimit } from "./account-sign-in-limit";
import { createAuthHooks } from "./auth-hooks";
import { log } from "../log/logger";

export interface TAuthOptions {
  prisma: PrismaClient;
  secret: string;
  /** The URL users reach the inbox at, e.g. http://localhost:3000. */
  baseUrl: string;
  /** Sign-in attempts allowed per client address per minute. */
  signInPerMinute: number;
  /** Failed sign-ins allowed per account (email) in 15 minutes, from any addresses. */
  signInFailuresPerAccount: number;
  /** Cookies only over HTTPS (production behind TLS). */
  secureCookies: boolean;
  /** The clock of the per-account limit (tests move it instead of waiting). */
  now?: () => number;
}

// Our two roles in better-auth's access control: admins get its admin statements, agents
// none (what agents may do in the inbox is checked by our own route wrapper).
const accessControl = createAccessControl(defaultStatements);
const roles = {
  admin: accessControl.newRole(adminAc.statements),
  agent: accessControl.newRole(userAc.statements),
};

export const SESSION_TTL_SECONDS = 60 * 60 * 24 * 7;

/**
 * better-auth: email and password with server-side sessions in our database, scrypt password
 * hashes (memory-hard), the admin plugin for roles and deactivation (a ban that also revokes
 * every session), and rate limiting shared by all instances through the database: per
 * address (better-auth's) and per account (ours). Over HTTP only the endpoints the app's
 * pages use are open (lib/auth/auth-hooks.ts).
 */
export function createAuth({
  prisma,
  secret,
  baseUrl,
  signInPerMinute,
  signInFailuresPerAccount,
  secureCookies,
  now = Date.now,
}: TAuthOptions) {
  const accountLimit = createAccountSignInLimit(prisma, {
    max: signInFailuresPerAccount,
    windowMs: ACCOUNT_SIGN_IN_WINDOW_MS,
    now,
  });
  return betterAuth({
    appName: "Instagram Inbox",
    // One line per event, never a stack trace (e.g. every request while the database is away).
    logger: {
      log: (level, message, ...args: unknown[]) => {
        const details = args.map((arg) => oneLine(arg)).join(" ");
        const line = `Auth: ${message}${details ? ` ${details}` : ""}`;
        if (level === "error") log().error({ source: "auth" }, line);
        else if (level === "warn") log().warn({ source: "auth" }, line);
        else log().debug({ source: "auth" }, line);
      },
    },
    baseURL: baseUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: appOrigins(baseUrl),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Nobody signs themselves up: admins create agents (lib/server/users).
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      expiresIn: SESSION_TTL_SECONDS,
      updateAge: 60 * 60 * 24,
      // No cookie cache: every request reads the session row, so a deactivated agent is
      // out on their very next request.
      cookieCache: { enabled: false },
    },
    user: { changeEmail: { enabled: false } },
    plugins: [
      admin({
        ac: accessControl,
        roles,
        defaultRole: "agent",
        adminRoles: ["admin"],
        bannedUserMessage: "This account is deactivated. Ask an administrator.",
      }),
    ],
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: signInPerMinute },
        "/change-password": { window: 60, max: 10 },
      },
    },
    advanced: {
      useSecureCookies: secureCookies,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: false },
    },
    hooks: createAuthHooks(accountLimit),
    telemetry: { enabled: false },
  });
}

export type TAuth = ReturnType<typeof createAuth>;
