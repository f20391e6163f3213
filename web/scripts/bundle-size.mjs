// Prints the gzipped size of what the first screen (/app/, the home screen) loads: the entry script, the
// modules it preloads and imports, the home feature's chunk and the stylesheets. Reads target/vite-manifest.json (written by vite build).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const manifest = JSON.parse(readFileSync(join(dist, '../target/vite-manifest.json'), 'utf8'));
const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
const home = manifest['src/features/home/routes/index.ts'];
if (!entry || !home) throw new Error('manifest without the entry or the home screen: run vite build first');

const js = new Set();
const css = new Set();
const visit = (chunk) => {
  if (!chunk || js.has(chunk.file)) return;
  js.add(chunk.file);
  (chunk.css ?? []).forEach((file) => css.add(file));
  (chunk.imports ?? []).forEach((key) => visit(manifest[key]));
};
visit(entry);
visit(home);

const size = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const rows = [...js].map(size);
const styles = [...css].map(size);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const total = (list) => list.reduce((sum, r) => sum + r.gzip, 0);
console.log('First screen (/app/) JavaScript, gzipped:');
for (const r of rows) console.log(`  ${r.file.padEnd(44)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(10)} gzip`);
console.log(`  ${'total JS'.padEnd(44)} ${kb(total(rows)).padStart(25)} gzip (budget 250 kB)`);
console.log(`  ${'CSS'.padEnd(44)} ${kb(total(styles)).padStart(25)} gzip`);
const all = Object.values(manifest).filter((c) => c.file.endsWith('.js')).map((c) => size(c.file));
console.log(`All JavaScript of every screen: ${kb(total(all))} gzip in ${all.length} files`);
if (total(rows) > 250 * 1024) {
  console.error('The first screen exceeds its 250 kB budget.');
  process.exit(1);
}
