import { describe, expect, it } from 'vitest';
import { emptyProgress, markDone } from './progress.ts';
import { type SummaryFacts, supportSummary } from './summary.ts';

const facts: SummaryFacts = {
  version: '0.1.0',
  browser: 'Chromium 156',
  progress: markDone(emptyProgress(), ['declaree-key'], Date.UTC(2026, 11, 4, 10, 0)),
  instance: 'de',
  generation: 'new',
  language: 'de',
  preflight: 'works',
  errors: [{ at: Date.UTC(2026, 11, 4, 10, 5), code: 'test-failure: token-bearer-prefix' }],
  application: {
    objectId: '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    appId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    name: 'Declaree',
  },
  now: Date.UTC(2026, 11, 4, 10, 10),
};

describe('supportSummary', () => {
  it('says what support needs: version, browser, instance, UI, steps with times, errors', () => {
    const text = supportSummary(facts, false);
    for (const part of [
      'Extension version: 0.1.0',
      'Browser: Chromium 156',
      'app.declaree.de (DE)',
      'Entra provisioning UI: new',
      'Entra language: de',
      'Key check with Declaree: works',
      '- declaree-key: done at 2026-12-04T10:00:00Z',
      '- entra-save: open',
      '2026-12-04T10:05:00Z: test-failure: token-bearer-prefix',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('masks the ids unless the admin chooses to include them', () => {
    expect(supportSummary(facts, false)).not.toContain('5f0c1a2b');
    expect(supportSummary(facts, true)).toContain('5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b');
  });
});
