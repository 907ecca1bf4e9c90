/**
 * The setup report: what was configured and checked, as Markdown, for the administrator's records
 * or a consultant's hand-over. It holds no key, and ids only when the admin chooses to include them.
 */
import { maskIdentifiers } from '../checks/identifiers.ts';
import { tenantUrlFor } from '../checks/tenant-url.ts';
import type { DeclareeInstance } from '../shared/instances.ts';
import type { Progress } from './progress.ts';
import { type Section, sections, steps } from './steps.ts';

export interface ReportFacts {
  progress: Progress;
  /** Translated titles of the sections and steps, so the report speaks the admin's language. */
  sectionTitle: (section: Section) => string;
  stepTitle: (id: (typeof steps)[number]['id']) => string;
  instance?: DeclareeInstance;
  preflight?: string;
  groupCheck?: { checked: number; collisions: number };
  now: number;
}

function day(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

export function setupReport(facts: ReportFacts, includeIds: boolean): string {
  const { progress } = facts;
  const lines = [
    '# Declaree SCIM provisioning: setup report',
    '',
    `Written ${day(facts.now)} UTC.`,
    '',
  ];
  if (facts.instance) {
    lines.push(`- Declaree instance: \`${tenantUrlFor(facts.instance)}\` (Tenant URL)`);
  }

  if (progress.application) {
    lines.push(`- Entra application: ${progress.application.name ?? '(name not read)'}`);
    lines.push(
      `  - object id \`${progress.application.objectId}\`, application id \`${progress.application.appId}\``,
    );
  }

  if (facts.preflight) {
    lines.push(`- Key checked with Declaree: ${facts.preflight}`);
  }

  if (facts.groupCheck) {
    lines.push(
      `- Group names checked: ${facts.groupCheck.checked}, collisions found: ${facts.groupCheck.collisions}`,
    );
  }

  for (const section of sections) {
    lines.push('', `## ${facts.sectionTitle(section)}`, '');
    for (const step of steps.filter((candidate) => candidate.section === section)) {
      const recorded = progress.steps[step.id];
      const mark = recorded?.state === 'done' ? '[x]' : '[ ]';
      const when = recorded ? ` (${recorded.state}, ${day(recorded.at)})` : '';
      lines.push(`- ${mark} ${facts.stepTitle(step.id)}${when}`);
    }
  }

  const text = `${lines.join('\n')}\n`;
  return includeIds ? text : maskIdentifiers(text);
}
