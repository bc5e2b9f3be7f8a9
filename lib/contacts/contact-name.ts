/** What the inbox calls a contact: the name they gave, else their handle, else Instagram's id for them. */
export function contactName(contact: { name: string | null; username: string | null; igsid: string }): string {
  return contact.name || contact.username || contact.igsid;
}
