// Bundles one script per page and copies the static files into the server's public folder.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const output = process.env.DASHBOARD_PUBLIC_DIRECTORY
    ?? path.resolve(here, '../../../target/classes/public');

await rm(output, { recursive: true, force: true });
await mkdir(output, { recursive: true });
await cp(path.join(here, 'static'), output, { recursive: true });

const result = await build({
    entryPoints: { app: path.join(here, 'src/app.js') },
    outdir: path.join(output, 'assets'),
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
});

for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) {
        console.log(`${path.relative(output, file)}: ${(bytes / 1024).toFixed(1)} KiB`);
    }
}
