import { expect, it } from "vitest";
import { accessibleAccountIds } from "../access/account-access";
import { describeEachDatabase } from "../../testing/databases";
import { TEST_APP_URL, createTestRuntime } from "../../testing/test-runtime";
import { DEMO_USERS } from "./demo-fixtures";
import { seedDemo } from "./seed-demo";

describeEachDatabase("demo data", (ctx) => {
  it("makes the demo agent a member of the demo account, and leaves a membership an admin removed removed", async () => {
    const runtime = createTestRuntime(ctx.db);
    const { prisma } = ctx.db;
    const deps = { prisma, auth: runtime.auth, tokens: runtime.tokens, appUrl: TEST_APP_URL };
    const account = await seedDemo(deps);
    const email = DEMO_USERS.find((u) => u.role === "agent")?.email ?? "";
    const agent = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await accessibleAccountIds(prisma, agent)).toEqual([account.id]);

    await prisma.accountMember.deleteMany({ where: { userId: agent.id } });
    expect((await seedDemo(deps)).id).toBe(account.id);
    expect(await accessibleAccountIds(prisma, agent)).toEqual([]);
  });
});
