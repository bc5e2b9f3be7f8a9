import Link from "next/link";

/**
 * What an agent sees for a conversation they may not open: the same words whether it does not
 * exist or belongs to an account they are not a member of, so the page tells them nothing.
 */
export function ConversationNotFound() {
  return (
    <div className="flex h-full items-center justify-center p-6 text-center text-sm text-neutral-600">
      <div>
        <h2 className="text-base font-semibold text-neutral-800">Conversation not found</h2>
        <p className="mt-1">It does not exist, or you do not have access to its Instagram account.</p>
        <Link href="/" className="mt-3 inline-block font-medium text-blue-700 hover:underline">
          Back to the inbox
        </Link>
      </div>
    </div>
  );
}
