import { randomBytes } from "node:crypto";
import type { MessageKind, PrismaClient } from "../db/generated/client";

// Conversations, messages and uploads of a chosen age, for the retention and upload tests:
// written straight to the tables (the age is the point), with the links to uploads the app
// writes (PUBLIC_URL/media/<id>.<ext>) so the triggers record their uses.

export const TEST_PUBLIC_URL = "https://public.example";

/** An upload of a few bytes, uploaded at `createdAt`. */
export async function storedUpload(prisma: PrismaClient, createdAt: Date): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await prisma.upload.create({
    data: { id, mimeType: "image/png", bytes: new Uint8Array([1, 2, 3]), size: 3, sha256: "test", createdAt },
  });
  return id;
}

export const mediaUrl = (uploadId: string) => `${TEST_PUBLIC_URL}/media/${uploadId}.png`;

export type TTestMessage = {
  at: Date;
  kind?: MessageKind;
  text?: string;
  /** An outbound image of this upload. */
  image?: string;
};

/** A conversation of a new contact whose messages are `messages` (its last message: the latest). */
export async function conversationWith(
  prisma: PrismaClient,
  accountId: string,
  igsid: string,
  messages: TTestMessage[],
): Promise<{ id: string; contactId: string; messageIds: string[] }> {
  const lastMessageAt = new Date(Math.max(...messages.map((m) => m.at.getTime())));
  // Only the ids back: the upgrade tests write on an older release's database, without later columns.
  const contact = await prisma.contact.create({
    data: { accountId, igsid, name: `Customer ${igsid}` },
    select: { id: true },
  });
  const conversation = await prisma.conversation.create({
    data: { accountId, contactId: contact.id, lastMessageAt, createdAt: messages[0]?.at ?? lastMessageAt },
    select: { id: true },
  });
  const messageIds: string[] = [];
  for (const m of messages) {
    const kind = m.image ? "IMAGE" : (m.kind ?? "TEXT");
    const row = await prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: m.image ? "OUTBOUND" : kind === "NOTE" || kind === "SYSTEM" ? "INTERNAL" : "INBOUND",
        kind,
        content: m.image ? { image: { url: mediaUrl(m.image), mimeType: "image/png" } } : { text: m.text ?? "hello" },
        status: m.image ? "DELIVERED" : "RECEIVED",
        sentAt: m.at,
        createdAt: m.at,
        searchText: kind === "SYSTEM" ? null : (m.text ?? "hello"),
      },
      // Only the id back: the upgrade tests write on an older release's database, without
      // later columns (Message.apiTokenId).
      select: { id: true },
    });
    messageIds.push(row.id);
  }
  return { id: conversation.id, contactId: contact.id, messageIds };
}

/** A saved reply whose image is this upload. */
export async function savedReplyWithImage(prisma: PrismaClient, code: string, uploadId: string): Promise<string> {
  const reply = await prisma.savedReply.create({
    data: {
      code,
      title: code,
      content: { kind: "image", image: { url: mediaUrl(uploadId), mimeType: "image/png" } },
    },
  });
  return reply.id;
}
