import { describe, expect, it } from 'vitest';
import { errorCodeStem, isKnownErrorCode, summariseErrorCodes } from './log-errors.ts';

describe('errorCodeStem', () => {
  it('names the messages of a code', () => {
    expect(errorCodeStem('DuplicateTargetEntries')).toBe('log_duplicate_target_entries');
    expect(errorCodeStem('SystemForCrossDomainIdentityManagementBadResponse')).toBe(
      'log_scim_bad_response',
    );
  });
});

describe('summariseErrorCodes', () => {
  it('counts each code, the most frequent first', () => {
    expect(
      summariseErrorCodes([
        'NotEffectivelyEntitled',
        'DuplicateTargetEntries',
        'DuplicateTargetEntries',
      ]),
    ).toEqual([
      { code: 'DuplicateTargetEntries', count: 2 },
      { code: 'NotEffectivelyEntitled', count: 1 },
    ]);
  });

  it('knows the codes of its table only', () => {
    expect(isKnownErrorCode('DuplicateTargetEntries')).toBe(true);
    expect(isKnownErrorCode('SomethingElse')).toBe(false);
  });
});
