import type { z } from "zod";

export type TFieldErrors = Partial<Record<string, string>>;

export type TValidation<T> = { ok: true; data: T } | { ok: false; errors: TFieldErrors };

/** Checks form input with the schema the server uses, keeping the first problem per field. */
export function validateForm<T extends z.ZodType>(schema: T, input: unknown): TValidation<z.infer<T>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: TFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/**
 * The shared schemas word their messages to follow the field's name ("must be …", "is
 * required"); Zod's own defaults are whole sentences and are shown as they are.
 */
export function describeFieldError(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}.` : message;
}

/** A text field of a FormData, trimmed; missing reads as empty. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}
