import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';
import { prerenderFirstScreen } from './build/prerender.ts';
import { stampServiceWorker } from './build/stamp-service-worker.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Two pages from one build: the applicant PWA at `/` and the officer console at `/console`. */
export default defineConfig({
  root,
  plugins: [react(), prerenderFirstScreen(root), stampServiceWorker(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        applicant: `${root}index.html`,
        console: `${root}console/index.html`,
      },
      output: {
        // Rolldown names a shared chunk after any one of its modules; the one holding React is named so.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => /[\\/]node_modules[\\/]react-dom[\\/]/.test(id))
            ? 'assets/react-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/sim': 'http://127.0.0.1:3000' },
  },
});
