/** A short time for lists and bubbles: the hour today, the date before. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

export function contactName(contact: { name: string | null; username: string | null; igsid: string }): string {
  return contact.name || contact.username || contact.igsid;
}
