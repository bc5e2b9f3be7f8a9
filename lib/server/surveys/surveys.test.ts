import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { startWebhookServer } from "../../testing/webhook-server";
import { getContactDetails } from "../contacts/get-contact-details";
import { setConversationStatus } from "../conversations/set-conversation-status";
import type { TEffects } from "../../effects/inbox-effects";

// Satisfaction surveys end to end in the domain (issue 19): sent when an agent resolves, answered
// by a customer's webhook (a quick-reply tap or a lone digit), which does not reopen the
// conversation, then the follow-up and its comment. Both intake lanes (the fast lane on
// PostgreSQL diverts answers to the processor's).

const CUSTOMER = "6543210987654321";
let sequence = 0;

describeEachDatabase("satisfaction surveys", (ctx) => {
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  let secret: string;
  let igAccountId: string;
  let accountId: string;
  let agent: { id: string; name: string; role: string };

  const prisma = () => ctx.db.prisma;
  /** A customer's webhook, as CM sends it, written `ago` ms before now. */
  const write = async (message: Record<string, unknown>, ago = 0) => {
    const timeUtc = new Date(Date.now() - ago).toISOString().slice(0, 19);
    const body = {
      reference: "",
      messageContext: "",
      from: { number: CUSTOMER, name: "Jane Doe" },
      to: { number: igAccountId },
      message: {
        text: "",
        media: { mediaUri: "", contentType: "", title: "" },
        custom: { username: "jane.doe", messageId: `mid.${++sequence}` },
        ...message,
      },
      groupings: ["", "", ""],
      timeUtc,
      channel: "Instagram",
    };
    expect((await server.post(secret, "messages", body)).status).toBe(200);
    return server.drain();
  };
  const say = (text: string, ago = 0) => write({ text }, ago);
  const tap = (label: string, postbackData: string) =>
    write({ text: label, custom: { username: "jane.doe", suggestions: [{ action: "Reply", postbackData }] } });
  const conversation = () => prisma().conversation.findFirstOrThrow({ where: { accountId } });
  const resolve = async (now = new Date()) => {
    const { id } = await conversation();
    return setConversationStatus(prisma(), { conversationId: id, actor: agent, change: { status: "RESOLVED" }, now });
  };
  const surveys = () => prisma().survey.findMany({ where: { accountId }, orderBy: { sentAt: "asc" } });
  const queued = async () =>
    (
      await prisma().message.findMany({
        where: { conversation: { accountId }, direction: "OUTBOUND" },
        orderBy: { seq: "asc" },
      })
    ).map((m) => ({ kind: m.kind, status: m.status, authorId: m.authorId, content: m.content }));
  const events = async (kind: "SURVEY_SENT" | "SURVEY_ANSWERED" | "MESSAGE_OUT") =>
    prisma().reportEvent.findMany({ where: { accountId, kind }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    server = await startWebhookServer(ctx.db, { fastLane: true });
    const account = await createTestAccount(prisma());
    ({ webhookSecret: secret, igAccountId, id: accountId } = account);
    const user = await prisma().user.create({ data: { email: "ada@test.local", name: "Ada", role: "agent" } });
    await prisma().accountMember.create({ data: { accountId, userId: user.id } });
    agent = { id: user.id, name: user.name, role: user.role };
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await prisma().conversation.deleteMany();
    await prisma().contact.deleteMany();
    await prisma().webhookEvent.deleteMany();
    await prisma().instagramAccount.update({
      where: { id: accountId },
      data: { surveyEnabled: true, surveyText: null, surveyFollowUpText: null, surveyCooldownDays: 7, enabled: true },
    });
  });

  it("is off by default: resolving sends nothing", async () => {
    await prisma().instagramAccount.update({ where: { id: accountId }, data: { surveyEnabled: false } });
    await say("Where is my order?");
    await resolve();
    expect(await surveys()).toEqual([]);
    expect(await queued()).toEqual([]);
  });

  it("sends the survey as quick replies when an agent resolves, once per resolution", async () => {
    await say("Where is my order?");
    const label = await prisma().label.upsert({
      where: { name: "Shipping" },
      create: { name: "Shipping", color: "blue" },
      update: {},
    });
    await prisma().conversationLabel.create({ data: { conversationId: (await conversation()).id, labelId: label.id } });
    const { effects, conversation: after } = await resolve();
    const [survey] = await surveys();
    expect(survey).toMatchObject({ agentId: agent.id, score: null, answeredAt: null });
    const [question] = await queued();
    expect(question).toMatchObject({ kind: "QUICK_REPLIES", status: "QUEUED", authorId: null });
    const content = question?.content as { text: string; quickReplies: { label: string; postbackData: string }[] };
    expect(content.text).toContain("or reply with a number from 1 to 5");
    expect(content.quickReplies.map((q) => q.postbackData)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `survey:${survey?.id}:${n}`),
    );
    expect(await events("SURVEY_SENT")).toMatchObject([{ agentId: agent.id, labelIds: [label.id] }]);
    // The question counts as a message out, for nobody (an automatic message answers no one).
    expect(await events("MESSAGE_OUT")).toMatchObject([{ agentId: null }]);
    expect(effects.createdMessages.map((m) => m.kind)).toEqual(["SYSTEM", "QUICK_REPLIES"]);
    expect(after).toMatchObject({ status: "RESOLVED" });
    // Reopened by the agent and resolved again without the customer writing: no second survey.
    const { id } = await conversation();
    await setConversationStatus(prisma(), { conversationId: id, actor: agent, change: { status: "OPEN" } });
    await resolve();
    expect(await surveys()).toHaveLength(1);
  });

  it("a tap on a score records it for the agent who resolved, keeps the conversation resolved, then asks the follow-up", async () => {
    await say("Where is my order?");
    await resolve();
    const [survey] = await surveys();
    // As if the agent had answered before resolving: nobody waits.
    await prisma().conversation.updateMany({ where: { accountId }, data: { waitingSince: null } });
    const effects: TEffects = await tap("😍 5", `survey:${survey?.id}:5`);
    expect(await surveys()).toMatchObject([{ score: 5, comment: null }]);
    // Not reopened, and the answer is not a question waiting for an agent.
    expect(await conversation()).toMatchObject({ status: "RESOLVED", waitingSince: null });
    expect(await events("SURVEY_ANSWERED")).toMatchObject([{ agentId: agent.id, score: 5 }]);
    const lines = effects.createdMessages.filter((m) => m.kind === "SYSTEM").map((m) => m.content);
    expect(lines).toEqual([{ event: "survey_answered", actorName: null, score: 5 }]);
    const followUp = (await queued()).at(-1);
    expect(followUp).toMatchObject({ kind: "TEXT", status: "QUEUED", authorId: null });
    expect(followUp?.content).toMatchObject({ text: "Thanks! Anything to add?", survey: { step: "follow-up" } });
    // A second tap changes nothing.
    await tap("🙁 2", `survey:${survey?.id}:2`);
    expect(await surveys()).toMatchObject([{ score: 5 }]);
    expect(await conversation()).toMatchObject({ status: "RESOLVED" });
    // The next text is the comment; being free text, it reopens the conversation.
    await say("Fast and friendly, thanks");
    expect(await surveys()).toMatchObject([{ score: 5, comment: "Fast and friendly, thanks" }]);
    expect(await conversation()).toMatchObject({ status: "OPEN" });
    expect(await queued()).toHaveLength(2);
    // The contact panel shows the newest answer.
    const details = await getContactDetails(prisma(), { conversationId: (await conversation()).id, user: agent });
    expect(details.lastSurvey).toMatchObject({ score: 5, comment: "Fast and friendly, thanks" });
  });

  it("a lone digit typed right after the survey is its answer; a digit later is only a message", async () => {
    await prisma().instagramAccount.update({ where: { id: accountId }, data: { surveyFollowUpText: "" } });
    await say("Where is my order?");
    await resolve();
    await say(" 4 ");
    expect(await surveys()).toMatchObject([{ score: 4 }]);
    expect(await conversation()).toMatchObject({ status: "RESOLVED" });
    expect(await queued()).toHaveLength(1); // no follow-up configured
    await say("3");
    expect(await surveys()).toMatchObject([{ score: 4 }]);
    expect(await conversation()).toMatchObject({ status: "OPEN" });
  });

  it("a digit after the customer wrote something else is not an answer, and reopens", async () => {
    await say("Where is my order?");
    await resolve();
    await say("Sorry, one more thing");
    expect(await conversation()).toMatchObject({ status: "OPEN" });
    await say("5");
    expect(await surveys()).toMatchObject([{ score: null }]);
  });

  it("never when the window closed, while handed over, or within the cooldown after an answer", async () => {
    await say("Where is my order?", 25 * 3600_000);
    await resolve();
    expect(await surveys()).toEqual([]);

    await say("Hello again");
    const { id } = await conversation();
    await prisma().conversation.update({ where: { id }, data: { handoverUntil: new Date(Date.now() + 3600_000) } });
    await resolve();
    expect(await surveys()).toEqual([]);

    await prisma().conversation.update({ where: { id }, data: { handoverUntil: null } });
    await say("And again");
    await resolve();
    const [survey] = await surveys();
    await tap("🙂 4", `survey:${survey?.id}:4`);
    await say("A new question");
    await resolve();
    expect(await surveys()).toHaveLength(1);
  });
});
