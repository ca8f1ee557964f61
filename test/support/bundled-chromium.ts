// Unpacks the headless Chromium that @sparticuz/chromium ships inside its npm package, once per installed version.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { brotliDecompress as brotliDecompressCallback, createBrotliDecompress } from 'node:zlib';

export interface BundledChromium {
  executablePath: string;
  env: Record<string, string>;
}

const require = createRequire(import.meta.url);
const brotliDecompress = promisify(brotliDecompressCallback);

/**
 * Not the package's own executablePath(): it unpacks to fixed names in the shared /tmp, so two test workers
 * (or two checkouts on one machine) starting at once can launch a half-written binary. Here each unpacking
 * goes to a private folder that is renamed into place whole, and the first rename wins.
 */
export async function unpackBundledChromium(): Promise<BundledChromium> {
  // The package exports only its entry point (build/cjs/index.cjs), two folders below its root.
  const packageDir = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..');
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = join(packageDir, '..', '..', '.cache', `warmline-chromium-${version}`);
  if (!existsSync(join(target, 'chromium'))) await unpackInto(join(packageDir, 'bin'), target);
  return {
    executablePath: join(target, 'chromium'),
    env: {
      // NSS and expat come with the package, so a machine without Debian's libnss3 still runs it.
      LD_LIBRARY_PATH: [join(target, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(target, 'fonts.conf'),
    },
  };
}

async function unpackInto(bin: string, target: string): Promise<void> {
  const partial = `${target}.partial-${process.pid}-${Date.now()}`;
  await mkdir(partial, { recursive: true });
  try {
    await pipeline(
      createReadStream(join(bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
    );
    await Promise.all(
      ['swiftshader', 'al2023', 'fonts'].map((name) => untar(join(bin, `${name}.tar.br`), partial)),
    );
    // The package's fonts.conf names Lambda's folders; this one names the fonts just unpacked.
    await writeFile(
      join(partial, 'fonts.conf'),
      `<?xml version="1.0"?>\n<fontconfig><dir>${join(target, 'fonts')}</dir></fontconfig>\n`,
    );
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    // Another worker finished first: its copy is as good as ours.
    if (existsSync(join(target, 'chromium'))) return;
    throw error;
  }
}

async function untar(archive: string, into: string): Promise<void> {
  const contents = await brotliDecompress(await readFile(archive));
  const tar = spawn('tar', ['-x', '-C', into], { stdio: ['pipe', 'ignore', 'inherit'] });
  // tar stops reading at the end-of-archive marker and may close its input before the padding after it.
  tar.stdin.on('error', () => {});
  tar.stdin.end(contents);
  await new Promise<void>((resolve, reject) => {
    tar.on('error', reject);
    tar.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`tar exited ${code} on ${archive}`)),
    );
  });
}
