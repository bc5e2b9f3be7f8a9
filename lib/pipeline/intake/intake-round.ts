import { noEffects, type TEffects } from "../../effects/inbox-effects";

/** What one round of the intake processor did, and what it changed, to announce. */
export interface TIntakeRound {
  claimed: number;
  applied: number;
  waiting: number;
  failed: number;
  effects: TEffects;
}

export function emptyRound(claimed = 0): TIntakeRound {
  return { claimed, applied: 0, waiting: 0, failed: 0, effects: noEffects() };
}
