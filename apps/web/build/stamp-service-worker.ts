import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Plugin, Rolldown } from 'vite';

/**
 * The service worker is hand-written (public/sw.js); this stamps it with the applicant page's files and
 * a build id, so a new deployment changes its bytes and the app can offer the update.
 *
 * The files are every chunk the applicant entry can reach, through static *and* dynamic imports, with
 * their CSS and assets: screens load lazily, and a screen first opened offline must still be there.
 */
export function stampServiceWorker(): Plugin {
  let files: string[] = [];
  return {
    name: 'mpaspor-stamp-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      files = applicantFiles(bundle);
    },
    writeBundle(options) {
      const path = `${options.dir}/sw.js`;
      const id = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(path, 'utf8')
        .replace("const BUILD_ID = 'dev';", `const BUILD_ID = '${id}';`)
        .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(files)};`);
      writeFileSync(path, source);
    },
  };
}

function applicantFiles(bundle: Rolldown.OutputBundle): string[] {
  const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'applicant');
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (seen.has(fileName) || !chunk) return;
    seen.add(fileName);
    if (chunk.type !== 'chunk') return;
    chunk.imports.forEach(visit);
    chunk.dynamicImports.forEach(visit);
    chunk.viteMetadata?.importedCss.forEach((css) => seen.add(css));
    chunk.viteMetadata?.importedAssets.forEach((asset) => seen.add(asset));
  };
  if (entry) visit(entry.fileName);
  return [...seen].sort().map((f) => `/${f}`);
}
