import { describe, expect, it } from 'vitest';
import { emptyProgress, markDone, withApplication } from './progress.ts';
import { setupReport } from './report.ts';

const progress = withApplication(
  markDone(
    emptyProgress(),
    ['declaree-key', 'entra-test-connection'],
    Date.UTC(2026, 11, 4, 9, 30),
  ),
  {
    objectId: '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    appId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    name: 'Declaree',
  },
);
const facts = {
  progress,
  sectionTitle: (section: string) => `Section ${section}`,
  stepTitle: (id: string) => `Step ${id}`,
  instance: 'de' as const,
  preflight: 'works',
  groupCheck: { checked: 12, collisions: 1 },
  now: Date.UTC(2026, 11, 4, 10, 0),
};

describe('setupReport', () => {
  it('lists every step with its state and time, and what was configured', () => {
    const report = setupReport(facts, true);
    expect(report).toContain('# Declaree SCIM provisioning: setup report');
    expect(report).toContain('`https://app.declaree.de/SCIM/v2/` (Tenant URL)');
    expect(report).toContain('- [x] Step declaree-key (done, 2026-12-04 09:30)');
    expect(report).toContain('- [ ] Step entra-save');
    expect(report).toContain('Group names checked: 12, collisions found: 1');
    expect(report).toContain('5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b');
  });

  it('masks the ids unless asked to include them', () => {
    expect(setupReport(facts, false)).not.toContain('5f0c1a2b');
  });
});
