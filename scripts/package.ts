/**
 * The release packages: builds dist/ and writes one zip per store to release/.
 *
 *   npm run package                    build, package, lint the Firefox package
 *   npm run package -- --out-dir DIR   write the zips to DIR instead of release/
 *   --skip-build                       package the dist/ that is there (it must match the version)
 *   --skip-lint                        do not run web-ext lint on the Firefox package
 *
 * Chrome Web Store and Edge Add-ons take dist/ as it is. Firefox gets the same files with its own
 * manifest: the service worker's loader as a module background script, a gecko id and minimum
 * version, and without the keys only Chrome knows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDirectory = path.join(repositoryRoot, 'dist');
export const defaultReleaseDirectory = path.join(repositoryRoot, 'release');

/**
 * A neutral id under a reserved domain (RFC 2606), so that it claims no one's real domain. Firefox
 * keeps storage and permissions per id: it must never change once the add-on is published.
 */
export const geckoId = 'declaree-setup-assistant@declaree-setup.example';

/** storage.session, where the key is kept, exists in Firefox from version 115 on. */
export const firefoxMinimumVersion = '115.0';

/** Top-level keys that only Chrome reads; addons-linter reports them as unsupported. */
const chromeOnlyKeys = new Set(['minimum_chrome_version', 'key', 'update_url']);

export type Store = 'chrome' | 'edge' | 'firefox';
export const stores: readonly Store[] = ['chrome', 'edge', 'firefox'];

type Manifest = Record<string, unknown>;

interface WebAccessibleResource {
  resources: string[];
  matches?: string[];
  use_dynamic_url?: boolean;
}

export async function packageVersion(): Promise<{ name: string; version: string }> {
  const packageJson = JSON.parse(await readFile(path.join(repositoryRoot, 'package.json'), 'utf8'));
  return { name: packageJson.name, version: packageJson.version };
}

export function zipName(name: string, version: string, store: Store): string {
  return `${name}-${version}-${store}.zip`;
}

/** The Chrome manifest that crxjs wrote, rewritten for Firefox; every other key is kept as is. */
export function firefoxManifest(chromeManifest: Manifest): Manifest {
  const background = chromeManifest.background as
    | { service_worker?: string; type?: string }
    | undefined;
  if (!background?.service_worker) {
    throw new Error('The built manifest has no background.service_worker to turn into a script.');
  }

  const result: Manifest = {};
  for (const [key, value] of Object.entries(chromeManifest)) {
    if (chromeOnlyKeys.has(key)) {
      continue;
    }

    if (key === 'background') {
      // crxjs's loader only imports the real worker, so it runs unchanged as a module script.
      result.background = { scripts: [background.service_worker], type: 'module' };
    } else if (key === 'web_accessible_resources') {
      result.web_accessible_resources = (value as WebAccessibleResource[]).map(
        ({ use_dynamic_url: _chromeOnly, ...entry }) => entry,
      );
    } else {
      result[key] = value;
    }
  }

  const existing = (chromeManifest.browser_specific_settings ?? {}) as Manifest;
  result.browser_specific_settings = {
    ...existing,
    gecko: { id: geckoId, strict_min_version: firefoxMinimumVersion },
  };
  return result;
}

/** Every file under a directory, keyed by its path with forward slashes, in a stable order. */
export async function readTree(directory: string): Promise<Map<string, Uint8Array>> {
  const tree = new Map<string, Uint8Array>();
  const visit = async (relative: string[]) => {
    const entries = await readdir(path.join(directory, ...relative), { withFileTypes: true });
    for (const entry of entries.sort((first, second) => (first.name < second.name ? -1 : 1))) {
      // Hidden files (editor or OS leftovers) have no place in a store package.
      if (entry.name.startsWith('.')) {
        continue;
      }

      const parts = [...relative, entry.name];
      if (entry.isDirectory()) {
        await visit(parts);
      } else if (entry.isFile()) {
        tree.set(parts.join('/'), new Uint8Array(await readFile(path.join(directory, ...parts))));
      }
    }
  };
  await visit([]);
  return tree;
}

/**
 * A fixed time stamp for every entry, so that the same dist/ gives the same bytes; a build system
 * can set SOURCE_DATE_EPOCH instead. (The zip format cannot store times before 1980.)
 */
function entryTime(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0
    ? new Date(epoch * 1000)
    : new Date('2000-01-01T00:00:00Z');
}

function zipTree(tree: Map<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(tree), { level: 9, mtime: entryTime() });
}

function encodeManifest(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}

export async function writeTree(tree: Map<string, Uint8Array>, directory: string): Promise<void> {
  for (const [relative, content] of tree) {
    const target = path.join(directory, ...relative.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const webExtCli = path.join(repositoryRoot, 'node_modules', 'web-ext', 'bin', 'web-ext.js');

/** Whether web-ext is installed; it is never fetched on demand. */
export function webExtAvailable(): boolean {
  return existsSync(webExtCli);
}

/** Runs `web-ext lint` on an unpacked Firefox build and returns its findings. */
export function lintFirefox(sourceDirectory: string): LintReport {
  if (!webExtAvailable()) {
    throw new Error('web-ext is not installed: run npm ci.');
  }

  const result = spawnSync(
    process.execPath,
    [
      webExtCli,
      'lint',
      '--source-dir',
      sourceDirectory,
      '--output',
      'json',
      '--no-config-discovery',
      '--no-input',
    ],
    // web-ext asks the registry for its own newer version unless told not to.
    { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, timeout: 60_000 },
  );
  try {
    const report = JSON.parse(result.stdout) as LintReport;
    return { errors: report.errors, warnings: report.warnings, notices: report.notices };
  } catch {
    throw new Error(`web-ext lint gave no report (exit ${result.status}): ${result.stderr}`);
  }
}

function describeFindings(kind: string, findings: LintMessage[]): string[] {
  return findings.map(
    (finding) =>
      `  ${kind} ${finding.code}: ${finding.message}${finding.file ? ` (${finding.file})` : ''}`,
  );
}

export interface PackageOptions {
  outDirectory?: string;
  build?: boolean;
  lint?: boolean;
}

export interface PackageResult {
  zips: Record<Store, string>;
  lint?: LintReport;
}

export async function packageRelease(options: PackageOptions = {}): Promise<PackageResult> {
  const outDirectory = options.outDirectory ?? defaultReleaseDirectory;
  if (options.build ?? true) {
    const { build } = await import('vite');
    await build({ root: repositoryRoot, logLevel: 'warn' });
  }

  const { name, version } = await packageVersion();
  const tree = await readTree(distDirectory);
  const manifestBytes = tree.get('manifest.json');
  if (!manifestBytes) {
    throw new Error('dist/ has no manifest.json: build the extension first.');
  }

  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as Manifest;
  // A dist/ left from an older version would be published under the new version's name.
  if (manifest.version !== version) {
    throw new Error(
      `dist/manifest.json has version ${manifest.version}, package.json ${version}: rebuild.`,
    );
  }

  await mkdir(outDirectory, { recursive: true });
  const zips = Object.fromEntries(
    stores.map((store) => [store, path.join(outDirectory, zipName(name, version, store))]),
  ) as Record<Store, string>;

  const chromium = zipTree(tree);
  // Edge Add-ons takes the Chrome package unchanged; it gets its own name for the upload.
  await writeFile(zips.chrome, chromium);
  await writeFile(zips.edge, chromium);

  const firefoxTree = new Map(tree);
  firefoxTree.set('manifest.json', encodeManifest(firefoxManifest(manifest)));
  await writeFile(zips.firefox, zipTree(firefoxTree));

  if (!(options.lint ?? true)) {
    return { zips };
  }

  const lintDirectory = await mkdtemp(path.join(tmpdir(), 'declaree-assistant-firefox-'));
  try {
    await writeTree(firefoxTree, lintDirectory);
    return { zips, lint: lintFirefox(lintDirectory) };
  } finally {
    await rm(lintDirectory, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'out-dir': { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      'skip-lint': { type: 'boolean', default: false },
    },
  });
  const result = await packageRelease({
    outDirectory: values['out-dir'] ? path.resolve(values['out-dir']) : undefined,
    build: !values['skip-build'],
    lint: !values['skip-lint'],
  });

  for (const file of Object.values(result.zips)) {
    console.log(path.relative(process.cwd(), file) || file);
  }

  if (result.lint) {
    const { errors, warnings, notices } = result.lint;
    console.log(
      `web-ext lint (Firefox): ${errors.length} errors, ${warnings.length} warnings, ` +
        `${notices.length} notices`,
    );
    const lines = [
      ...describeFindings('error', errors),
      ...describeFindings('warning', warnings),
      ...describeFindings('notice', notices),
    ];
    for (const line of lines) {
      console.log(line);
    }

    if (errors.length > 0) {
      process.exitCode = 1;
    }
  }
}

// Run only as a command, not when a test imports the functions above.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
