import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Served by the gateway at /console/; build from the repo root: npx vite build --config apps/console/vite.config.ts */
export default defineConfig({
  root,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks; the charts stay in the dashboard's lazy chunk.
        codeSplitting: {
          groups: [
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 2 },
            {
              name: 'react-admin',
              test: /node_modules[\\/](react|react-dom|scheduler|react-admin|ra-[a-z-]+|react-router|react-router-dom|@tanstack|react-hook-form|lodash|inflection|polyglot|node-polyglot|jsonexport|query-string|clsx|date-fns|dompurify|react-is|prop-types|hoist-non-react-statics|@babel|zod)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': process.env.OTR_API ?? 'http://localhost:3000' } },
});
