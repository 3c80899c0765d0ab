import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The service worker is hand-written (public/sw.js); this stamps it with the applicant page's files and
 * a build id, so a new deployment changes its bytes and the app can offer the update.
 */
function stampServiceWorker(): Plugin {
  let files: string[] = [];
  return {
    name: 'mpaspor-stamp-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (c) => c.type === 'chunk' && c.isEntry && c.name === 'applicant',
      );
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (seen.has(fileName) || !chunk) return;
        seen.add(fileName);
        if (chunk.type !== 'chunk') return;
        chunk.imports.forEach(visit);
        chunk.viteMetadata?.importedCss.forEach((css) => seen.add(css));
      };
      if (entry) visit(entry.fileName);
      files = [...seen].sort().map((f) => `/${f}`);
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

/** Two pages from one build: the applicant PWA at `/` and the officer console at `/console`. */
export default defineConfig({
  root,
  plugins: [react(), stampServiceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        applicant: `${root}index.html`,
        console: `${root}console/index.html`,
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/sim': 'http://127.0.0.1:3000' },
  },
});
