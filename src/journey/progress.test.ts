import { describe, expect, it } from 'vitest';
import { emptyProgress, markDone, parseProgress, stepStates } from './progress.ts';
import { stepIds } from './steps.ts';

describe('stepStates', () => {
  it('makes the first page step current on a fresh journey, requirements to do beside it', () => {
    const states = stepStates(emptyProgress());
    expect(states).toHaveLength(stepIds.length);
    expect(states.filter((step) => step.state === 'current')).toEqual([
      { id: 'declaree-login', state: 'current' },
    ]);
    expect(states[0]).toEqual({ id: 'admin-account', state: 'todo' });
  });

  it('makes the first step neither done nor skipped current', () => {
    const progress = markDone(emptyProgress(), ['declaree-login', 'declaree-account'], 1);
    const states = stepStates(progress);
    expect(states.find((step) => step.state === 'current')?.id).toBe('declaree-api-tab');
  });
});

describe('markDone', () => {
  it('returns the same object when nothing changes', () => {
    const progress = markDone(emptyProgress(), ['declaree-key'], 1);
    expect(markDone(progress, ['declaree-key'], 2)).toBe(progress);
  });

  it('keeps the time a step was first done', () => {
    const progress = markDone(emptyProgress(), ['declaree-key'], 1);
    const again = markDone(progress, ['declaree-key', 'entra-open'], 5);
    expect(again.steps['declaree-key']?.at).toBe(1);
    expect(again.steps['entra-open']?.at).toBe(5);
  });
});

describe('parseProgress', () => {
  it('starts afresh without a reset notice when nothing is stored', () => {
    expect(parseProgress(undefined)).toEqual({ progress: emptyProgress(), wasReset: false });
  });

  it.each([
    ['a damaged value', 'garbage'],
    ['an older version', { version: 0, done: ['declaree-key'] }],
    ['an unknown step', { version: 1, steps: { pay: { state: 'done', at: 1 } } }],
  ])('resets %s with a notice', (_kind, stored) => {
    expect(parseProgress(stored)).toEqual({ progress: emptyProgress(), wasReset: true });
  });

  it('reads what it wrote', () => {
    const progress = markDone(emptyProgress(), ['declaree-key'], 3);
    expect(parseProgress(JSON.parse(JSON.stringify(progress)))).toEqual({
      progress,
      wasReset: false,
    });
  });
});
