/** A message about a whole group (a list, a card), tied to it by id; nothing when all is well. */
export function GroupError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p id={id} className="text-xs text-red-700">
      {message}
    </p>
  );
}
