import { type DeclareeInstance, declareeOrigins } from '../shared/instances.ts';

/**
 * The SCIM base URL Entra needs as Tenant URL. Declaree's path is case-sensitive ("SCIM", upper
 * case) and Entra appends resource names to it, so the trailing slash belongs to it.
 */
export function tenantUrlFor(instance: DeclareeInstance): string {
  return `${declareeOrigins[instance]}/SCIM/v2/`;
}

export const tenantUrlProblems = [
  'empty',
  'not-a-url',
  'http',
  'other-instance',
  'unknown-host',
  'users-appended',
  'doubled-slash',
  'wrong-path',
  'no-trailing-slash',
] as const;
export type TenantUrlProblem = (typeof tenantUrlProblems)[number];

/**
 * What is wrong with a Tenant URL typed or pasted by hand, compared with the one for the key's
 * instance: the mistakes admins make (PAGES' pitfalls), each as its own code. Empty when right.
 */
export function diagnoseTenantUrl(value: string, instance: DeclareeInstance): TenantUrlProblem[] {
  const trimmed = value.trim();
  if (trimmed === '') {
    return ['empty'];
  }

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return ['not-a-url'];
  }

  const problems: TenantUrlProblem[] = [];
  if (url.protocol === 'http:') {
    problems.push('http');
  }

  const ownHost = new URL(declareeOrigins[instance]).host;
  const otherHost = new URL(declareeOrigins[instance === 'com' ? 'de' : 'com']).host;
  if (url.host === otherHost) {
    problems.push('other-instance');
  } else if (url.host !== ownHost) {
    problems.push('unknown-host');
  }

  const path = url.pathname;
  if (/\/\//.test(path)) {
    problems.push('doubled-slash');
  }

  const collapsed = path.replace(/\/{2,}/g, '/');
  if (/\/Users\/?$/i.test(collapsed)) {
    problems.push('users-appended');
  } else if (collapsed === '/SCIM/v2') {
    problems.push('no-trailing-slash');
  } else if (collapsed !== '/SCIM/v2/') {
    problems.push('wrong-path');
  }

  return problems;
}
