// Bundles the page's script and copies the static files into the server's public folder.
// `npm run build` is the production build: no source map is made, so none is served. `npm run build:dev` (or
// DASHBOARD_BUILD=development) adds a linked source map (app.js.map, ~3.6 MB) for debugging in the browser.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const output = process.env.DASHBOARD_PUBLIC_DIRECTORY
    ?? path.resolve(here, '../../../target/classes/public');
const development = process.argv.includes('--development') || process.env.DASHBOARD_BUILD === 'development';

await rm(output, { recursive: true, force: true });
await mkdir(output, { recursive: true });
await cp(path.join(here, 'static'), output, { recursive: true });

const result = await build({
    // two pages, one bundle each: the dashboard, and the quarterly report (/report), which shares its modules
    entryPoints: { app: path.join(here, 'src/app.js'), report: path.join(here, 'src/report.js') },
    outdir: path.join(output, 'assets'),
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    sourcemap: development ? 'linked' : false,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
});

for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js') || file.endsWith('.map')) {
        console.log(`${path.relative(output, file)}: ${(bytes / 1024).toFixed(1)} KiB`);
    }
}
if (development) {
    console.log('development build: with a source map');
}
