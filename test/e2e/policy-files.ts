/**
 * Where the organisation-policy tests put the machine policy they write. A run stopped half-way
 * could leave one behind and change every later browser, so each run first removes those left.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export const policyDirectory = '/etc/chromium/policies/managed';
export const testPolicyPrefix = 'declaree-setup-assistant-test-';

export async function removeLeftPolicies(): Promise<void> {
  const names = await readdir(policyDirectory).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(testPolicyPrefix))
      .map((name) => rm(path.join(policyDirectory, name), { force: true })),
  );
}
