import { describe, expect, it } from 'vitest';
import { roundOrder, STARTUP_ROUNDS, startupRounds } from './scenarios/startup';

describe('start-up rounds', () => {
  it('spreads a variant’s loads over the rounds: a cold visit and the later ones in each, at least as many later ones as one browser gave', () => {
    // --runs 5: 6 loads, 5 of them later visits in one browser before.
    expect(startupRounds(6)).toEqual({ rounds: STARTUP_ROUNDS, warm: 2, busy: 2 });
    const plan = startupRounds(6);
    expect(plan.rounds * plan.warm).toBeGreaterThanOrEqual(5);
    expect(plan.rounds * plan.busy).toBeGreaterThanOrEqual(6);
    // --runs 1: one later visit, one round.
    expect(startupRounds(2)).toEqual({ rounds: 1, warm: 1, busy: 2 });
    expect(startupRounds(1)).toEqual({ rounds: 1, warm: 1, busy: 1 });
  });

  it('lets each variant go first in turn', () => {
    const variants = ['baseline', 'ours', 'compare:x'];
    expect([0, 1, 2].map((r) => roundOrder(variants, r))).toEqual([
      ['baseline', 'ours', 'compare:x'],
      ['ours', 'compare:x', 'baseline'],
      ['compare:x', 'baseline', 'ours'],
    ]);
    expect(roundOrder(variants, 3)).toEqual(variants);
  });
});
