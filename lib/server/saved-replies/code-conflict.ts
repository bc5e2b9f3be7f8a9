import { AppError } from "../../errors";

/** Prisma's unique-constraint error, as both drivers report it (directly or via the adapter). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Two agents saving the same code at once both pass any look-up first; the unique index decides,
 * and the loser gets the same 409 as someone who picked a taken code.
 */
export function rethrowCodeConflict(error: unknown, code: string | undefined): never {
  if (isUniqueViolation(error)) {
    throw new AppError("CONFLICT", `The code “/${code ?? ""}” is taken: choose another.`);
  }
  throw error;
}
