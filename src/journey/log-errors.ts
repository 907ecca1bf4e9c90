/**
 * Entra's provisioning error codes that Declaree setups meet, each with its likely cause and fix,
 * as message names (`log_<code>_cause`, `log_<code>_fix`). Codes not in the table are shown with a
 * general pointer to the log entry's Troubleshooting tab.
 */
export const knownErrorCodes = [
  'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
  'SystemForCrossDomainIdentityManagementBadResponse',
  'SystemForCrossDomainIdentityManagementServiceIncompatible',
  'DuplicateTargetEntries',
  'MandatoryFieldsMissing',
  'NotEffectivelyEntitled',
  'SkipOutOfScope',
  'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse',
] as const;
export type KnownErrorCode = (typeof knownErrorCodes)[number];

/** The message stem of a code: `log_duplicate_target_entries` for DuplicateTargetEntries. */
export function errorCodeStem(code: KnownErrorCode): string {
  const short = code.replace(/^SystemForCrossDomainIdentityManagement/, 'Scim');
  return `log_${short.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()}`;
}

export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return (knownErrorCodes as readonly string[]).includes(code);
}

/** Counts of each code, largest first: the summary the guide shows on the logs page. */
export function summariseErrorCodes(
  codes: readonly string[],
): Array<{ code: string; count: number }> {
  const counts = new Map<string, number>();
  for (const code of codes) {
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }

  return [...counts.entries()]
    .map(([code, count]) => ({ code, count }))
    .sort((left, right) => right.count - left.count || left.code.localeCompare(right.code));
}
