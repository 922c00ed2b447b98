// The console's build and dev server. `npm start` builds with this file when the sources changed
// (src/service/console/assets.ts); `npm run dev` serves it with hot reload and sends /v1 to the
// API server (SETTLE_API, default http://127.0.0.1:3000).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The console imports the pure domain's vocabularies (reasons, rejection codes) from ../src.
  server: {
    fs: { allow: ['..'] },
    proxy: {
      '/v1': { target: process.env.SETTLE_API ?? 'http://127.0.0.1:3000' },
      '/console/config.json': { target: process.env.SETTLE_API ?? 'http://127.0.0.1:3000' },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Long-lived vendor chunks stay cached across console releases. Charts are not listed:
        // the metrics page's lazy import keeps them out of the first page.
        manualChunks(id: string) {
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/node_modules\/@mantine\/(core|hooks)\//.test(id)) return 'mantine';
          return undefined;
        },
      },
    },
  },
});
