// CM inbound-message webhooks for the load: unique texts (which carry the token the agents
// match events by) and references, so nothing is a duplicate. Three in four come from a new
// customer; one in four from one of 50 regulars, whose conversation already exists.

const REGULARS = 50;

export function tokenOf(run: string, phase: string, n: number): string {
  return `bench-${run}-${phase}-${n}`;
}

export function inboundMessage(igAccountId: string, run: string, phase: string, n: number) {
  const token = tokenOf(run, phase, n);
  const regular = n % 4 === 3;
  // IGSIDs are 16 digits; phases get their own range so "new" customers are new in every phase.
  const phaseIndex = [...phase].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 9000, 0);
  const igsid = regular ? String(6_543_210_000_000_000 + (n % REGULARS)) : String(7e15 + phaseIndex * 1e9 + n);
  const time = new Date().toISOString().slice(0, 19);
  return {
    token,
    body: {
      from: { number: igsid, name: regular ? `Regular ${n % REGULARS}` : `Customer ${n}` },
      to: { number: igAccountId },
      message: { text: token, custom: { username: regular ? `regular${n % REGULARS}` : `customer${n}` } },
      timeUtc: time,
      reference: `ref-${token}`,
      channel: "Instagram",
    },
  };
}
