/** A failed request's message, as the server worded it (fetchJson keeps it). */
export function ErrorAlert({ error, className = "" }: { error: Error | null; className?: string }) {
  if (!error) return null;
  return (
    <p
      role="alert"
      className={`rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 ${className}`}
    >
      {error.message}
    </p>
  );
}
