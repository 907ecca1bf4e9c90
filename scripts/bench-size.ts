/**
 * Sizes: what every frame of the matched sites loads before it knows whether it has any work to
 * do, and driver.js, a small tour library that draws a similar highlight, for comparison.
 *
 * The content script's first load is the file the manifest names (with @crxjs/vite-plugin, a
 * small loader), every file that loader imports at once through `chrome.runtime.getURL`, and
 * every file those import statically, followed to the end. What they load with `import()` comes
 * only once the frame has work (the agent), and is given beside it, with its static imports;
 * what the agent itself loads with `import()` (the guide panel, top frame only) is not counted.
 * Each file is compressed with gzip at level 9 on its own, and the sizes are added up.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { extensionDirectory } from '../test/e2e/browser.ts';
import type { BenchResult } from './bench-group-names.ts';
import { log } from './bench-support.ts';

const kilobyte = 1024;

async function gzipSize(file: string): Promise<number> {
  return gzipSync(await readFile(file), { level: 9 }).length;
}

/** The files the crxjs loader imports at once, by the paths it hands to runtime.getURL. */
async function filesLoadedByLoader(loader: string): Promise<string[]> {
  const text = await readFile(loader, 'utf8');
  return [...text.matchAll(/chrome\.runtime\.getURL\(\s*["']([^"']+)["']\s*\)/g)].map((match) =>
    path.join(extensionDirectory, match[1] as string),
  );
}

type ModuleGraph = Awaited<ReturnType<typeof readModuleGraph>>;

/** Every module the file reaches, with each one's imports and their kinds. */
async function readModuleGraph(entry: string) {
  // esbuild reads the module graph; nothing is written. The loader's runtime.getURL import is
  // not a static path, so esbuild leaves it alone (and would warn, hence the silence).
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    absWorkingDir: extensionDirectory,
  });
  return result.metafile.inputs;
}

/** The file and everything it imports with static import statements, transitively. */
async function staticImportClosure(entry: string): Promise<string[]> {
  const inputs = await readModuleGraph(entry);
  const start = path.relative(extensionDirectory, entry);
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !seen.has(imported.path)) {
        seen.add(imported.path);
        queue.push(imported.path);
      }
    }
  }

  return [...seen].map((file) => path.join(extensionDirectory, file));
}

/** The files the given ones load with `import()`, each a path inside dist/. */
function dynamicImportsOf(graph: ModuleGraph, files: readonly string[]): string[] {
  return files.flatMap((file) =>
    (graph[path.relative(extensionDirectory, file)]?.imports ?? [])
      .filter((imported) => imported.kind === 'dynamic-import')
      .map((imported) => path.join(extensionDirectory, imported.path)),
  );
}

async function gzipSizeOf(files: Iterable<string>): Promise<number> {
  let bytes = 0;
  for (const file of files) {
    const size = await gzipSize(file);
    log(`size: ${path.relative(extensionDirectory, file)} ${(size / kilobyte).toFixed(1)} KB gzip`);
    bytes += size;
  }

  return bytes;
}

interface ContentScriptSizes {
  firstLoad: { bytes: number; files: string[] };
  /** What a frame loads next once it has work: the `import()`s of the first load, and theirs. */
  withWork: { bytes: number; files: string[] };
}

async function contentScriptSizes(): Promise<ContentScriptSizes> {
  const manifest = JSON.parse(
    await readFile(path.join(extensionDirectory, 'manifest.json'), 'utf8'),
  ) as { content_scripts?: { js?: string[] }[] };
  const declared = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  if (declared.length === 0) {
    throw new Error('dist/manifest.json names no content script: run `npm run build` first.');
  }

  const firstLoad = new Set<string>();
  const later = new Set<string>();
  for (const script of declared) {
    const file = path.join(extensionDirectory, script);
    for (const entry of [file, ...(await filesLoadedByLoader(file))]) {
      const loaded = await staticImportClosure(entry);
      for (const item of loaded) {
        firstLoad.add(item);
      }

      const graph = await readModuleGraph(entry);
      for (const next of dynamicImportsOf(graph, loaded)) {
        for (const item of await staticImportClosure(next)) {
          later.add(item);
        }
      }
    }
  }

  const withWork = [...later].filter((file) => !firstLoad.has(file));
  return {
    firstLoad: { bytes: await gzipSizeOf(firstLoad), files: [...firstLoad] },
    withWork: { bytes: await gzipSizeOf(withWork), files: withWork },
  };
}

/** driver.js as its package ships it for a page: the minified browser bundle. */
async function driverBundle(): Promise<{ bytes: number; version: string }> {
  const require = createRequire(import.meta.url);
  // The package exports its modules only, not its package.json: go up from the module it names.
  const distDirectory = path.dirname(require.resolve('driver.js'));
  const packageFile = path.join(distDirectory, '..', 'package.json');
  const { version } = JSON.parse(await readFile(packageFile, 'utf8')) as { version: string };
  const bytes = await gzipSize(path.join(distDirectory, 'driver.js.iife.js'));
  return { bytes, version };
}

export async function benchSizes(): Promise<BenchResult[]> {
  const [content, driver] = await Promise.all([contentScriptSizes(), driverBundle()]);
  const { firstLoad, withWork } = content;
  return [
    {
      name: `size: content script, a frame's first load (${firstLoad.files.length} files, gzip -9)`,
      value: firstLoad.bytes / kilobyte,
      unit: 'KB',
      budget: '≤ 15 KB; ratio: × driver.js',
      ratio: firstLoad.bytes / driver.bytes,
    },
    {
      name: `size: then, in a frame with work, the agent (${withWork.files.length} files, gzip -9)`,
      value: withWork.bytes / kilobyte,
      unit: 'KB',
      ratio: withWork.bytes / driver.bytes,
    },
    {
      name: `size: driver.js ${driver.version}, minified bundle (gzip -9)`,
      value: driver.bytes / kilobyte,
      unit: 'KB',
    },
  ];
}
