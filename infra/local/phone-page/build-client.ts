// Bundles the page's browser code with esbuild, in memory, once per process: no build step before `npm start`.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));

let bundled: Promise<string> | undefined;

export function clientBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: 'inline',
    legalComments: 'none',
  }).then((result) => {
    const [output] = result.outputFiles;
    if (!output) throw new Error('phone page: esbuild produced no output');
    return output.text;
  });
  // A failed build is retried on the next request rather than cached.
  bundled.catch(() => {
    bundled = undefined;
  });
  return bundled;
}
