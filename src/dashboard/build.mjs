// Copies the charting library from node_modules (installed by `npm ci`) into the served site, so no third-party
// code is committed and the site needs no CDN. Run by scripts/install-deps.sh and by Static Web Apps' build.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, 'app', 'vendor');
mkdirSync(vendor, { recursive: true });
copyFileSync(join(here, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'), join(vendor, 'chart.umd.min.js'));
console.log('dashboard: vendor/chart.umd.min.js copied');
