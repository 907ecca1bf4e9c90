/**
 * Every message name the code asks for exists in the English messages, and every placeholder
 * is declared: a missing message would show its name to the administrator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { preflightOutcomes } from './background/scim.ts';
import { errorCodeStem, knownErrorCodes } from './journey/log-errors.ts';
import { sections, stepIds, stepMessageStem } from './journey/steps.ts';
import { testCauses } from './shared/messages.ts';

const root = path.resolve(import.meta.dirname, '..');
const english = JSON.parse(
  readFileSync(path.join(root, 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string; placeholders?: Record<string, unknown> }>;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }

    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('English messages', () => {
  it('have every message the code names literally', () => {
    const named = new Set<string>();
    for (const file of sourceFiles(path.join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-z0-9_]+)'/g)) {
        named.add(match[1] ?? '');
      }

      for (const match of text.matchAll(/\bmessage: '([a-z0-9_]+)'/g)) {
        named.add(match[1] ?? '');
      }
    }

    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((name) => !(name in english))).toEqual([]);
  });

  it('have a title and an explanation for every step', () => {
    const missing = stepIds.flatMap((id) =>
      ['title', 'help']
        .map((part) => `${stepMessageStem(id)}_${part}`)
        .filter((name) => !(name in english)),
    );
    expect(missing).toEqual([]);
  });

  it('name every section, step state and pre-flight outcome the popup shows', () => {
    const names = [
      ...preflightOutcomes.map((outcome) => `preflight_${outcome.replaceAll('-', '_')}`),
      ...testCauses.map((cause) => `cause_${cause.replaceAll('-', '_')}`),
      ...['same_name', 'looks_like', 'declaree'].map((kind) => `group_collision_${kind}`),
      ...knownErrorCodes.flatMap((code) => [
        `${errorCodeStem(code)}_cause`,
        `${errorCodeStem(code)}_fix`,
      ]),
      ...['not_run', 'in_progress', 'completed', 'stopped'].map((status) => `cycle_${status}`),
      ...['refused', 'not_found', 'no_answer', 'unexpected'].map(
        (problem) => `group_declaree_${problem}`,
      ),
      ...sections.map((section) => `section_${section}`),
      ...['done', 'current', 'todo', 'skipped'].map((state) => `state_${state}`),
    ];
    expect(names.filter((name) => !(name in english))).toEqual([]);
  });

  it('declare every placeholder they use', () => {
    const undeclared = Object.entries(english).filter(([, entry]) => {
      const used = [...entry.message.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]?.toLowerCase());
      return used.some((name) => !name || !(name in (entry.placeholders ?? {})));
    });
    expect(undeclared.map(([name]) => name)).toEqual([]);
  });
});
