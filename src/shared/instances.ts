/**
 * Declaree runs two separate back-ends. A key made on one does not work on the other, so the
 * instance a key was captured on decides the Tenant URL that goes with it.
 */
export type DeclareeInstance = 'com' | 'de';

export const declareeOrigins: Record<DeclareeInstance, string> = {
  com: 'https://app.declaree.com',
  de: 'https://app.declaree.de',
};

export function instanceOfOrigin(origin: string): DeclareeInstance | undefined {
  for (const [instance, instanceOrigin] of Object.entries(declareeOrigins)) {
    if (origin === instanceOrigin) {
      return instance as DeclareeInstance;
    }
  }

  return undefined;
}

/** True for the Entra admin center's own hosts and the hosts of its React blade frames. */
export function isEntraOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }

  if (url.protocol !== 'https:' || url.port !== '') {
    return false;
  }

  const host = url.hostname;
  return (
    host === 'entra.microsoft.com' ||
    host === 'portal.azure.com' ||
    host === 'ms.portal.azure.com' ||
    host.endsWith('.portal.azure.net')
  );
}

export function isDeclareeOrigin(origin: string): boolean {
  return instanceOfOrigin(origin) !== undefined;
}

/** The origin of a URL, or undefined when it is not a URL. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }

  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
