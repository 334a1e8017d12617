// dist/v8i.mjs: the whole CLI in one file that runs on plain `node` 20+ without node_modules, so staff
// can copy a single file to an admin machine.
import { chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function build() {
  const outfile = join(root, 'dist', 'v8i.mjs');
  await esbuild({
    entryPoints: [join(root, 'v8i-tools', 'bin', 'v8i.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // cli-progress is CommonJS and calls require('readline'); give the ESM bundle a real require.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __v8iCreateRequire } from 'node:module';\nconst require = __v8iCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'warning',
  });
  await chmod(outfile, 0o755);
}
