/// <reference types="vitest/config" />
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The Content-Security-Policy the gateway sends; `vite preview` sends it too, so local checks see what users get. */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Moves Vite's manifest out of dist/ (the gateway serves dist/; the manifest is only for scripts/bundle-size.mjs). */
function manifestOutsideDist(): Plugin {
  return {
    name: 'claraop-manifest-outside-dist',
    apply: 'build',
    closeBundle() {
      const dist = fileURLToPath(new URL('./dist/', import.meta.url));
      const target = fileURLToPath(new URL('./target/', import.meta.url));
      mkdirSync(target, { recursive: true });
      renameSync(`${dist}.vite/manifest.json`, `${target}vite-manifest.json`);
      rmSync(`${dist}.vite`, { recursive: true, force: true });
    },
  };
}

export default defineConfig({
  base: '/app/',
  plugins: [react(), manifestOutsideDist()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // Nothing inlined as data: URIs or inline code: every asset is a hashed file under dist/assets/.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    // Outside dist (nothing the gateway serves): which files each screen loads, for scripts/bundle-size.mjs.
    manifest: true,
    rollupOptions: {
      output: {
        // One chunk per feature, named after it: features/batches/routes -> assets/batches-<hash>.js
        chunkFileNames: (chunk) => {
          const feature = /src\/features\/([a-z-]+)\//.exec(chunk.facadeModuleId ?? '')?.[1];
          return `assets/${feature ?? chunk.name}-[hash].js`;
        },
      },
    },
  },
  preview: {
    headers: { 'Content-Security-Policy': CSP },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
  },
});
