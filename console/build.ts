// Builds the console: in memory for the local runner, or to console/dist for the CDK stack to upload.
//
//   npm run build:console      (before `cdk deploy`; config.json is written by the stack at deploy time)
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CONSOLE_DIR = dirname(fileURLToPath(import.meta.url));

/** main.js and main.css, bundled and minified for the browser. */
export async function bundleConsole(consoleDir = CONSOLE_DIR): Promise<Map<string, string>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { main: join(consoleDir, 'src', 'main.ts') },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: join(consoleDir, '.out'),
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [file.path.split(sep).pop() ?? file.path, file.text]));
}

/** index.html, the bundle and the public files except the local config.json, into `outDir`. */
export async function writeConsoleDist(outDir = join(CONSOLE_DIR, 'dist')): Promise<string[]> {
  const files = await bundleConsole();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(join(CONSOLE_DIR, 'index.html'), join(outDir, 'index.html'));
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
  const publicDir = join(CONSOLE_DIR, 'public');
  if (existsSync(publicDir)) {
    cpSync(publicDir, outDir, { recursive: true, filter: (source) => !source.endsWith('config.json') });
  }
  return ['index.html', ...files.keys()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = await writeConsoleDist();
  console.log(`console/dist: ${written.join(', ')}`);
}
