/**
 * What presenter mode hides on a shared screen: GUIDs (tenant, object and application ids, in any
 * case) and e-mail addresses. Pure: the DOM code only applies these answers.
 */
const guid = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;
// Deliberately loose: a false mask on a shared screen costs nothing, a missed address leaks.
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

export const guidMask = '••••••••-••••-••••-••••-••••••••••••';
export const emailMask = '•••••@•••••';

export function hasIdentifier(text: string): boolean {
  guid.lastIndex = 0;
  email.lastIndex = 0;
  return guid.test(text) || email.test(text);
}

export function maskIdentifiers(text: string): string {
  return text.replace(guid, guidMask).replace(email, emailMask);
}
