/**
 * The support summary: what a support engineer needs to help, in plain text, without the key and,
 * unless the admin chooses otherwise, without tenant and object ids or e-mail addresses.
 */
import { maskIdentifiers } from '../checks/identifiers.ts';
import type { Application, Progress } from './progress.ts';
import { steps } from './steps.ts';

export interface SummaryFacts {
  version: string;
  browser: string;
  progress: Progress;
  instance?: 'com' | 'de';
  generation?: string;
  language?: string;
  preflight?: string;
  errors: ReadonlyArray<{ at: number; code: string }>;
  application?: Application;
  now: number;
}

function time(at: number): string {
  return new Date(at).toISOString().replace('.000Z', 'Z');
}

export function supportSummary(facts: SummaryFacts, includeIds: boolean): string {
  const instanceHost = { com: 'app.declaree.com (EU)', de: 'app.declaree.de (DE)' } as const;
  const lines = [
    'Declaree setup assistant: support summary',
    `Written: ${time(facts.now)}`,
    `Extension version: ${facts.version}`,
    `Browser: ${facts.browser}`,
    `Declaree instance: ${facts.instance ? instanceHost[facts.instance] : 'no key held'}`,
    `Entra provisioning UI: ${facts.generation ?? 'not seen yet'}`,
    `Entra language: ${facts.language ?? 'not seen yet'}`,
    `Key check with Declaree: ${facts.preflight ?? 'not run'}`,
  ];
  if (facts.application) {
    lines.push(
      `Application: ${facts.application.name ?? '(name not read)'}`,
      `Application object id: ${facts.application.objectId}`,
      `Application id: ${facts.application.appId}`,
    );
  }

  lines.push('', 'Steps:');
  for (const step of steps) {
    const recorded = facts.progress.steps[step.id];
    lines.push(`- ${step.id}: ${recorded ? `${recorded.state} at ${time(recorded.at)}` : 'open'}`);
  }

  lines.push('', 'Last errors:');
  if (facts.errors.length === 0) {
    lines.push('- none');
  }

  for (const error of facts.errors) {
    lines.push(`- ${time(error.at)}: ${error.code}`);
  }

  const text = `${lines.join('\n')}\n`;
  return includeIds ? text : maskIdentifiers(text);
}
