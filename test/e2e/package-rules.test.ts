/**
 * Rules the built extension in dist/ must keep: no way in for other extensions or web pages, no
 * code built from strings, no remote code, and only the content scripts' own files exposed to the
 * pages the extension runs on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDirectory } from './browser.ts';

const manifest = JSON.parse(readFileSync(path.join(extensionDirectory, 'manifest.json'), 'utf8'));

function scripts(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      return scripts(full);
    }

    return entry.name.endsWith('.js') ? [full] : [];
  });
}

describe('the built extension', () => {
  it('accepts no messages from web pages or other extensions', () => {
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('keeps the default content security policy: no eval, no remote scripts', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    for (const file of scripts(extensionDirectory)) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(/);
      expect(code, file).not.toMatch(/import\(\s*["']https?:/);
    }
  });

  it('exposes only its own script chunks, and only to the hosts its content scripts run on', () => {
    const contentHosts = new Set(
      manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches),
    );
    for (const entry of manifest.web_accessible_resources ?? []) {
      expect(entry.matches.every((match: string) => contentHosts.has(match))).toBe(true);
      expect(
        entry.resources.every((resource: string) => /^assets\/[\w.-]+\.js$/.test(resource)),
      ).toBe(true);
    }
  });

  it('asks for no permission beyond storage, alarms and its hosts', () => {
    expect(manifest.permissions.sort()).toEqual(['alarms', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual(
      expect.not.arrayContaining(['<all_urls>', '*://*/*', 'https://*/*']),
    );
  });
});
