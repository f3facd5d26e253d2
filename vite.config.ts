import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressDir } from './server/precompress.ts';

const outDir = process.env.RENKEI_DIST ?? 'dist';

export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // everything the entry imports statically in one chunk: the first load is one script and one
        // request, and one gzip stream compresses better than several (the later screens import from it)
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'autoUpdate',
      injectManifest: {
        // one classic script: the worker has no imports to split, and 'es' makes the plugin set
        // Rollup's deprecated inlineDynamicImports (a warning on every build)
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
      manifest: {
        name: 'Renkei ケアプランデータ連携',
        short_name: 'Renkei',
        description: 'ケアプランデータ(予定・実績)を事業所間で送受信するアプリ',
        lang: 'ja',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f6f5c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    {
      // brotli and gzip copies of the build for the relay (server/precompress.ts); after the PWA
      // plugin, whose closeBundle writes sw.js
      name: 'renkei:precompress',
      apply: 'build',
      enforce: 'post',
      closeBundle: {
        sequential: true,
        order: 'post',
        async handler() {
          await precompressDir(outDir);
        },
      },
    },
  ],
});
