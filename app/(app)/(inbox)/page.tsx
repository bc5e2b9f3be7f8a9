export default function InboxHome() {
  return (
    <div className="flex h-full items-center justify-center p-6 text-center text-sm text-neutral-500">
      <div>
        <p className="font-medium text-neutral-700">Pick a conversation</p>
        <p className="mt-1">New customer messages appear on the left the moment they arrive.</p>
      </div>
    </div>
  );
}
