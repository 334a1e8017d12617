// dist/v8i.mjs: the whole CLI in one file that runs on plain `node` 20+ without node_modules, so staff
// can copy a single file to an admin machine.
//
// Start-up matters (`v8i --version` should cost little more than `node -e ''`), so the file has two
// halves. The start path (bin, main.ts, argument parsing, help texts) is ordinary module code. Every
// module it imports with `import()` (the commands and the real file system, with zod, diff,
// cli-progress and tinyglobby) is built as a second bundle and kept in the file as one string, compiled
// on the first `import()`: V8 then never even parses it for `--version`, `--help` or a usage error.
import { chmod } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'v8i-tools', 'bin', 'v8i.ts');

const builtins = new Set(builtinModules);
const isBuiltin = (name) => builtins.has(name.replace(/^node:/, ''));

/**
 * esbuild hoists every `import … from 'node:…'` to the top of an ESM bundle, so Node would load them
 * all before reading argv. Some are costly: `import * as fs` (fdir) makes Node build fs's full ESM
 * facade, which loads streams, fs/promises and readline, and node:crypto has its own start-up.
 * Routing builtins through a CommonJS stub turns each into a `require()` run when first needed.
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

/** Calls `onLazy(absolutePath)` for each of our own modules the start path imports with `import()`. */
function lazyImports(onLazy) {
  return {
    name: 'lazy-imports',
    setup(build) {
      build.onResolve({ filter: /\.ts$/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === 'lazy-imports') return undefined;
        const { path, errors } = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'lazy-imports',
        });
        return errors.length > 0 ? { errors } : onLazy(path);
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-found' }, () => ({ contents: '', loader: 'js' }));
    },
  };
}

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Fewer bytes to read on every start; strings (the messages staff read) stay as written.
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
};

/** Compiles the lazy half once, on the first `import()`, as strict code like the modules it came from. */
const runtime = (code) => `import { compileFunction } from 'node:vm';
import { fileURLToPath } from 'node:url';
const code = ${JSON.stringify(code)};
let half;
export function lazyHalf() {
  if (half === undefined) {
    const module = { exports: {} };
    const params = ['require', 'module', 'exports', '__v8iImportMetaUrl'];
    const filename = fileURLToPath(import.meta.url) + '#commands';
    compileFunction('"use strict";' + code, params, { filename })(require, module, module.exports, import.meta.url);
    half = module.exports;
  }
  return half;
}`;

export default async function build() {
  const outfile = join(root, 'dist', 'v8i.mjs');

  // 1. Which modules does the start path import lazily?
  const lazy = [];
  await esbuild({
    ...shared,
    entryPoints: [entry],
    format: 'esm',
    outfile,
    plugins: [
      lazyBuiltins,
      lazyImports((path) => {
        if (!lazy.includes(path)) lazy.push(path);
        return { path, namespace: 'lazy-found' };
      }),
    ],
  });

  // 2. Those modules as one CommonJS body: `exports.m0()` initialises the first one and returns its
  // exports, and so on. `require` keeps each module (and what only it needs) uninitialised until then.
  const half = await esbuild({
    ...shared,
    stdin: {
      contents: lazy.map((path, i) => `exports.m${i} = () => require(${JSON.stringify(path)});`).join('\n'),
      resolveDir: root,
      loader: 'js',
    },
    format: 'cjs',
    define: { 'import.meta.url': '__v8iImportMetaUrl' },
    plugins: [lazyBuiltins],
  });

  // 3. The start path; each lazily imported module becomes a view of the compiled half.
  const splitHalves = {
    name: 'split-halves',
    setup(build) {
      build.onResolve({ filter: /^v8i:lazy-half$/ }, () => ({ path: 'runtime', namespace: 'lazy-half' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-half' }, ({ path }) =>
        path === 'runtime'
          ? { contents: runtime(half.outputFiles[0].text), loader: 'js', resolveDir: root }
          : {
              contents: `import { lazyHalf } from 'v8i:lazy-half';\nmodule.exports = lazyHalf().m${path}();`,
              loader: 'js',
            },
      );
    },
  };
  const result = await esbuild({
    ...shared,
    entryPoints: [entry],
    format: 'esm',
    outfile,
    // Builtins and CommonJS dependencies (cli-progress calls require('readline')) need a real
    // require in the ESM bundle; the lazy half gets the same one.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __v8iCreateRequire } from 'node:module';\nconst require = __v8iCreateRequire(import.meta.url);",
    },
    plugins: [
      lazyBuiltins,
      lazyImports((path) => {
        if (!lazy.includes(path)) throw new Error(`${path}: imported lazily but missing from the lazy half`);
        return { path: String(lazy.indexOf(path)), namespace: 'lazy-half' };
      }),
      splitHalves,
    ],
    write: true,
  });
  if (result.errors.length > 0) throw new Error('dist/v8i.mjs: build failed');
  await chmod(outfile, 0o755);
}
