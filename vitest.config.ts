import { defineConfig } from 'vitest/config';
// @ts-expect-error: a plain .mjs build script without type declarations
import { viteVirtualModules } from './scripts/virtual-modules.mjs';

export default defineConfig({
  // The build-time modules (offline page assets, console assets) are generated from their sources
  // here exactly as the dist/ builds generate them.
  plugins: [viteVirtualModules()],
  test: {
    include: ['{contract,server,console,client-sw,v8i-tools,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Browser, miniflare and subprocess tests share two cores; generous limits keep CI from flaking.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
