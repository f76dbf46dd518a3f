import { defineConfig } from 'vite';

// The console is built into apps/console/dist, which the api serves at `/` (apps/api/src/console-static.ts).
// `npm run console:dev` serves it with hot reload and proxies /api to a running `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // TanStack Query's "use client" markers mean nothing outside React Server Components.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  oxc: { jsx: { runtime: 'automatic' } },
});
