/**
 * The words on the real pages, in every language and UI generation the extension meets. Matching
 * ignores case, so "Secret Token" (classic) and "Secret token" (new experience) are one entry.
 */
export const entraLabels = {
  tenantUrl: ['Tenant URL', 'Mandanten-URL'],
  secretToken: ['Secret Token', 'Geheimes Token'],
  testConnection: ['Test Connection', 'Verbindung testen'],
  provisioning: ['Provisioning', 'Bereitstellung'],
} as const;

export const declareeLabels = {
  myAccount: ['My Account', 'Mijn account', 'Mein Konto', 'Mon compte'],
  apiTab: ['Declaree API'],
  generateKey: [
    'Generate Key',
    'Genereer sleutel',
    'Sleutel genereren',
    'Schlüssel generieren',
    'Schlüssel erzeugen',
    'Générer une clé',
    'Générer la clé',
  ],
} as const;
