import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  combineSettings,
  defaultSettings,
  isLocked,
  isOurApplication,
  parseLocal,
  parsePolicy,
  policyNames,
} from './policy.ts';

const noPolicy = { policy: {}, ignored: [] };

describe('parsePolicy', () => {
  it('reads every policy of a complete, valid set', () => {
    const { policy, ignored } = parsePolicy({
      declareeInstance: 'DE',
      applicationName: '  Declaree Expenses ',
      presenterMode: 'forced',
      preflight: false,
      keyLifetimeMinutes: 10,
    });
    expect(ignored).toEqual([]);
    expect(policy).toEqual({
      declareeInstance: 'DE',
      applicationName: 'Declaree Expenses',
      presenterMode: 'forced',
      preflight: false,
      keyLifetimeMinutes: 10,
    });
  });

  it('ignores a value it cannot read on its own, names it, and keeps the rest', () => {
    const { policy, ignored } = parsePolicy({
      declareeInstance: 'de',
      applicationName: '<img src=x onerror=alert(1)>',
      presenterMode: 'always',
      preflight: 'yes',
      keyLifetimeMinutes: 0,
    });
    expect(policy).toEqual({});
    expect(ignored.sort()).toEqual([...policyNames].sort());

    expect(parsePolicy({ keyLifetimeMinutes: 12.5, preflight: true })).toEqual({
      policy: { preflight: true },
      ignored: ['keyLifetimeMinutes'],
    });
  });

  it('refuses names that are empty, on several lines or too long', () => {
    for (const name of ['', '   ', 'Declaree\nExpenses', 'x'.repeat(121)]) {
      expect(parsePolicy({ applicationName: name }).ignored).toEqual(['applicationName']);
    }
  });

  it('takes no notice of names it does not know', () => {
    expect(parsePolicy({ somethingElse: true, presenterMode: 'on' })).toEqual({
      policy: { presenterMode: 'on' },
      ignored: [],
    });
  });
});

describe('combineSettings', () => {
  it('gives the defaults with no policy and no choice made', () => {
    expect(defaultSettings).toMatchObject({
      presenter: false,
      preflight: true,
      keyLifetimeMinutes: 30,
      applicationName: 'Declaree',
      instances: ['com', 'de'],
    });
  });

  it('lets the admin decide what the organisation did not', () => {
    const settings = combineSettings({ presenter: true, preflight: false }, noPolicy);
    expect(settings.presenter).toBe(true);
    expect(settings.preflight).toBe(false);
    expect(isLocked(settings, 'presenter')).toBe(false);
    expect(isLocked(settings, 'preflight')).toBe(false);
  });

  it('starts presenter mode on by policy until the admin switches it off', () => {
    const policy = parsePolicy({ presenterMode: 'on' });
    expect(combineSettings({}, policy).presenter).toBe(true);
    expect(combineSettings({ presenter: false }, policy).presenter).toBe(false);
    expect(isLocked(combineSettings({}, policy), 'presenter')).toBe(false);
  });

  it('keeps presenter mode on when forced, whatever the admin chose', () => {
    const settings = combineSettings(
      { presenter: false },
      parsePolicy({ presenterMode: 'forced' }),
    );
    expect(settings.presenter).toBe(true);
    expect(isLocked(settings, 'presenter')).toBe(true);
  });

  it('fixes the pre-flight check either way', () => {
    const off = combineSettings({ preflight: true }, parsePolicy({ preflight: false }));
    expect(off.preflight).toBe(false);
    expect(isLocked(off, 'preflight')).toBe(true);
    expect(combineSettings({ preflight: false }, parsePolicy({ preflight: true })).preflight).toBe(
      true,
    );
  });

  it('allows only the instance set, and takes the name and time limit', () => {
    const settings = combineSettings(
      {},
      parsePolicy({ declareeInstance: 'EU', applicationName: 'Expenses', keyLifetimeMinutes: 5 }),
    );
    expect(settings.instances).toEqual(['com']);
    expect(settings.applicationName).toBe('Expenses');
    expect(settings.keyLifetimeMinutes).toBe(5);
    expect(combineSettings({}, parsePolicy({ declareeInstance: 'DE' })).instances).toEqual(['de']);
  });
});

describe('isOurApplication', () => {
  it('knows the application by Declaree in its name or by the name the organisation chose', () => {
    expect(isOurApplication('Declaree SCIM', 'Declaree')).toBe(true);
    expect(isOurApplication(' expense sync ', 'Expense Sync')).toBe(true);
    expect(isOurApplication('Expense Sync (test)', 'Expense Sync')).toBe(false);
    expect(isOurApplication('Salesforce', 'Declaree')).toBe(false);
  });
});

describe('parseLocal', () => {
  it('reads what older versions stored, and nothing from damaged values', () => {
    expect(parseLocal({ presenter: false, preflight: true })).toEqual({
      presenter: false,
      preflight: true,
    });
    expect(parseLocal({ presenter: 'yes' })).toEqual({});
    expect(parseLocal(undefined)).toEqual({});
    expect(parseLocal(42)).toEqual({});
  });
});

describe('managed_schema.json', () => {
  const schemaFile = path.resolve(import.meta.dirname, '../../public/managed_schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
    properties: Record<string, { type: string; enum?: unknown[] }>;
  };

  it('declares exactly the policies the extension reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...policyNames].sort());
  });

  it('allows in each enumeration exactly the values the extension takes', () => {
    for (const [name, property] of Object.entries(schema.properties)) {
      for (const value of property.enum ?? []) {
        expect(parsePolicy({ [name]: value }).ignored).toEqual([]);
      }
    }

    expect(schema.properties.declareeInstance?.enum).toEqual(['EU', 'DE']);
    expect(schema.properties.presenterMode?.enum).toEqual(['off', 'on', 'forced']);
  });
});
