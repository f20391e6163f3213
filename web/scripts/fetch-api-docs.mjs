// Copies each service's /v3/api-docs from a running suite (./claraop up) into openapi/<service>.json.
// Ports as the devstack uses them; override with CLARAOP_<SERVICE>_PORT (e.g. CLARAOP_PAYOUT_PORT=8082).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ports = { identity: 8081, payout: 8082, 'gmail-ingest': 8083, audit: 8084, retention: 8085, 'support-access': 8086 };
let failed = 0;
for (const [service, port] of Object.entries(ports)) {
  const env = process.env[`CLARAOP_${service.toUpperCase().replace('-', '_')}_PORT`];
  const url = `http://127.0.0.1:${env ?? port}/v3/api-docs`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const json = await response.json();
    writeFileSync(join(root, 'openapi', `${service}.json`), JSON.stringify(json, null, 2) + '\n');
    console.log(`${service}: ${url} -> openapi/${service}.json`);
  } catch (e) {
    failed++;
    console.error(`${service}: ${url} did not answer (${e.message})`);
  }
}
process.exit(failed ? 1 : 0);
