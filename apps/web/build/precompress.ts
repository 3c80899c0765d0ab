import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Files a browser reads as text; images and fonts are compressed already. */
const TEXT = /\.(?:js|css|html|svg|webmanifest|json|txt)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build, at the highest levels: done
 * once per build, so the server sends ~30 % of the bytes without spending CPU per request (the static
 * plugin serves them with `preCompressed`). A variant that would not be smaller is not written, and the
 * file then goes as it is.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'mpaspor-precompress',
    apply: 'build',
    writeBundle(options) {
      outDir = options.dir ?? '';
    },
    // After every plugin's writeBundle: the service worker is stamped there (stamp-service-worker.ts).
    closeBundle() {
      if (!outDir) return;
      for (const file of textFiles(outDir)) {
        const source = readFileSync(file);
        const br = brotliCompressSync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        });
        const gz = gzipSync(source, { level: constants.Z_BEST_COMPRESSION });
        if (br.length < source.length) writeFileSync(`${file}.br`, br);
        if (gz.length < source.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(path);
    else if (TEXT.test(entry.name)) yield path;
  }
}
