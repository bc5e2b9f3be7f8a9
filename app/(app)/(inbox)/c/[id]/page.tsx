import { notFound } from "next/navigation";
import { ConversationWithContact } from "@/components/inbox/conversation-with-contact";
import { requirePageUser } from "@/lib/http/page-session";
import { getRuntime } from "@/lib/runtime";
import { conversationAccountFor } from "@/lib/server/access/assert-conversation-access";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  // A missing conversation and another account's look the same to an agent: not found.
  const runtime = getRuntime();
  if (runtime && !(await conversationAccountFor(runtime.db.prisma, user, id))) notFound();
  return <ConversationWithContact key={id} conversationId={id} />;
}
