import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

// The version is written in package.json only; the manifest takes it from there.
const versionedManifest = { ...manifest, version: packageJson.version } as ManifestV3Export;

export default defineConfig({
  plugins: [preact(), crx({ manifest: versionedManifest })],
  build: {
    target: 'es2022',
    // Source maps would put the sources in the package; the extension ships without them.
    sourcemap: false,
    emptyOutDir: true,
  },
});
