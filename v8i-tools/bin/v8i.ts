import { main } from '../src/cli/main.ts';
import type { FileSystem } from '../src/fs/file-system.ts';

// Parallel reads, writes and fsyncs block libuv's pool threads; the default 4 would cap --jobs at 4.
// Set before the first file operation, which is when Node creates the pool.
process.env.UV_THREADPOOL_SIZE ??= '32';

// `v8i get … | head` closes the pipe early; that is the reader's choice, not our failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The real file system pulls in tinyglobby (picomatch, fdir); load it on the first file operation so
// `--version`, `--help` and usage errors start as fast as Node itself.
let loaded: Promise<FileSystem> | undefined;
const real = () =>
  (loaded ??= import('../src/fs/node-file-system.ts').then((module) => module.nodeFileSystem));
const fs: FileSystem = {
  kindOf: async (...args) => (await real()).kindOf(...args),
  glob: async (...args) => (await real()).glob(...args),
  listFolder: async (...args) => (await real()).listFolder(...args),
  readFile: async (...args) => (await real()).readFile(...args),
  readText: async (...args) => (await real()).readText(...args),
  checkWritable: async (...args) => (await real()).checkWritable(...args),
  writeAtomic: async (...args) => (await real()).writeAtomic(...args),
};

// No top-level await: the same entry is bundled as CommonJS for the single executable.
main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  env: process.env,
  platform: process.platform,
  cwd: process.cwd(),
  fetch: globalThis.fetch,
  fs,
  now: () => new Date(),
}).then((exitCode) => {
  // Let stdout drain before exiting, so piped JSON reports are never cut short.
  process.exitCode = exitCode;
});
