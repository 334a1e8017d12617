// dist/v8i.mjs: the whole CLI in one file that runs on plain `node` 20+ without node_modules, so staff
// can copy a single file to an admin machine. dist/v8i.mjs.map maps it back to the TypeScript sources
// (`node --enable-source-maps dist/v8i.mjs …` for stack traces that name them).
//
// Start-up matters (`v8i --version` should cost little more than `node -e ''`). main.ts imports each
// command with `import()`; in a single-file bundle esbuild keeps those modules in wrappers that run only
// when first imported, so `--version`, `--help` and usage errors never initialise command code. The
// builtins are made lazy too (below), so Node loads none of them until a command needs it.
import { chmod } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const entry = join(root, 'v8i-tools', 'bin', 'v8i.ts');

const builtins = new Set(builtinModules);
const isBuiltin = (name) => builtins.has(name.replace(/^node:/, ''));

/**
 * esbuild hoists every `import … from 'node:…'` to the top of an ESM bundle, so Node would load them
 * all before reading argv. Some are costly: `import * as fs` (fdir) makes Node build fs's full ESM
 * facade, which loads streams, fs/promises and readline, and node:crypto has its own start-up.
 * Routing builtins through a CommonJS stub turns each into a `require()` run when first needed.
 */
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, ({ path, namespace }) =>
      namespace !== 'lazy-builtin' && isBuiltin(path)
        ? { path: `node:${path.replace(/^node:/, '')}`, namespace: 'lazy-builtin' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(path)});`,
      loader: 'js',
    }));
  },
};

/** Options shared with the single-executable build (scripts/build-exe.mjs). */
export const bundleOptions = {
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Fewer bytes to read on every start; strings (the messages staff read) stay as written.
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  sourcemap: true,
  sourcesContent: true,
};

export default async function build() {
  const outfile = join(root, 'dist', 'v8i.mjs');
  const result = await esbuild({
    ...bundleOptions,
    format: 'esm',
    outfile,
    // Builtins and CommonJS dependencies (cli-progress calls require('readline')) need a real
    // require in an ES module.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __v8iCreateRequire } from 'node:module';\nconst require = __v8iCreateRequire(import.meta.url);",
    },
    plugins: [lazyBuiltins],
  });
  if (result.errors.length > 0) throw new Error('dist/v8i.mjs: build failed');
  await chmod(outfile, 0o755);
}
