/**
 * The settings in force, worked out from the admin's own switches and what their organisation
 * fixed by policy (see managed_schema.json). Pure, so that it can be tested without a browser;
 * settings.ts reads and writes the storage areas.
 *
 * Both are read through zod: a damaged value falls back to the default instead of breaking a page,
 * and a policy value that cannot be read is ignored on its own and named, not the whole policy.
 */
import { z } from 'zod/mini';
import type { DeclareeInstance } from './instances.ts';

/** A switch the admin never touched is absent, so that a default set by policy can apply. */
const localSchema = z.object({
  /** Hides the key and masks ids and e-mail addresses, for a shared screen. */
  presenter: z.optional(z.boolean()),
  /** Asks Declaree's SCIM endpoint whether the key works, as soon as it is held. */
  preflight: z.optional(z.boolean()),
});
export type LocalSettings = z.infer<typeof localSchema>;
export type Switch = keyof LocalSettings;

export const defaultApplicationName = 'Declaree';
export const defaultKeyLifetimeMinutes = 30;

/** An application named Declaree, or with the name the organisation chose for it. */
export function isOurApplication(appName: string, chosenName: string): boolean {
  const comparable = (name: string) => name.trim().toLocaleLowerCase();
  return /declaree/i.test(appName) || comparable(appName) === comparable(chosenName);
}

/**
 * One schema per policy, with the names and ranges of managed_schema.json. The browser checks a
 * policy against that file too, but Firefox and older versions check less, so it is read again.
 */
const policySchemas = {
  declareeInstance: z.enum(['EU', 'DE']),
  applicationName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(120),
      z.regex(/^[^\p{Cc}<>]+$/u, 'plain text on one line'),
    ),
  presenterMode: z.enum(['off', 'on', 'forced']),
  preflight: z.boolean(),
  keyLifetimeMinutes: z.int().check(z.gte(1), z.lte(480)),
};
export type PolicyName = keyof typeof policySchemas;
export const policyNames = Object.keys(policySchemas) as PolicyName[];
export type Policy = { [Name in PolicyName]?: z.infer<(typeof policySchemas)[Name]> };

export type Settings = {
  presenter: boolean;
  preflight: boolean;
  keyLifetimeMinutes: number;
  /** The name the guide suggests for the new application. */
  applicationName: string;
  /** The Declaree instances whose keys are taken. */
  instances: DeclareeInstance[];
  /** What the organisation set, so that the popup can say so and lock what is forced. */
  policy: Policy;
  /** Policy values present but unreadable, ignored: the popup names them. */
  policyIgnored: PolicyName[];
};

const instanceOfPolicy: Record<'EU' | 'DE', DeclareeInstance> = { EU: 'com', DE: 'de' };

export function parseLocal(stored: unknown): LocalSettings {
  const parsed = localSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

/** The readable policies, each on its own; names of the ones present but unreadable. */
export function parsePolicy(stored: Record<string, unknown>): {
  policy: Policy;
  ignored: PolicyName[];
} {
  const policy: Record<string, unknown> = {};
  const ignored: PolicyName[] = [];
  for (const name of policyNames) {
    if (stored[name] === undefined) {
      continue;
    }

    const parsed = policySchemas[name].safeParse(stored[name]);
    if (parsed.success) {
      policy[name] = parsed.data;
    } else {
      ignored.push(name);
    }
  }

  return { policy: policy as Policy, ignored };
}

/** True when the organisation decided the switch, so the admin cannot change it. */
export function isLocked(settings: Settings, name: Switch): boolean {
  return name === 'presenter'
    ? settings.policy.presenterMode === 'forced'
    : settings.policy.preflight !== undefined;
}

export function combineSettings(
  local: LocalSettings,
  { policy, ignored }: { policy: Policy; ignored: PolicyName[] },
): Settings {
  const presenterDefault = policy.presenterMode === 'on';
  return {
    presenter: policy.presenterMode === 'forced' ? true : (local.presenter ?? presenterDefault),
    preflight: policy.preflight ?? local.preflight ?? true,
    keyLifetimeMinutes: policy.keyLifetimeMinutes ?? defaultKeyLifetimeMinutes,
    applicationName: policy.applicationName ?? defaultApplicationName,
    instances: policy.declareeInstance
      ? [instanceOfPolicy[policy.declareeInstance]]
      : ['com', 'de'],
    policy,
    policyIgnored: ignored,
  };
}

export const defaultSettings = combineSettings({}, { policy: {}, ignored: [] });
