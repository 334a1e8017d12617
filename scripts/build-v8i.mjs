// dist/v8i.mjs: the whole CLI in one file that runs on plain `node` 20+ without node_modules, so staff
// can copy a single file to an admin machine.
import { chmod } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const builtins = new Set(builtinModules);
const isBuiltin = (name) => builtins.has(name.replace(/^node:/, ''));

/**
 * esbuild hoists every `import … from 'node:…'` to the top of the bundle, so Node would load them all
 * before reading argv, even for modules that main.ts imports lazily. Some are costly: `import * as fs`
 * (fdir) makes Node build fs's full ESM facade, which loads streams, fs/promises and readline, and
 * node:crypto has its own start-up. Routing builtins through a small CommonJS stub turns each into a
 * `require()` that runs only when the module importing it is initialised.
 */
const lazyBuiltins = {
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

export default async function build() {
  const outfile = join(root, 'dist', 'v8i.mjs');
  await esbuild({
    entryPoints: [join(root, 'v8i-tools', 'bin', 'v8i.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Builtins and CommonJS dependencies (cli-progress calls require('readline')) need a real
    // require in the ESM bundle.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __v8iCreateRequire } from 'node:module';\nconst require = __v8iCreateRequire(import.meta.url);",
    },
    plugins: [lazyBuiltins],
    // Fewer bytes to read and parse on every start; strings (the messages staff read) stay as written.
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await chmod(outfile, 0o755);
}
