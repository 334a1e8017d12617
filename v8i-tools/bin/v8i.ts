import { main } from '../src/cli/main.ts';
import { nodeFileSystem } from '../src/fs/node-file-system.ts';

// Parallel reads, writes and fsyncs block libuv's pool threads; the default 4 would cap --jobs at 4.
// Set before the first file operation, which is when Node creates the pool.
process.env.UV_THREADPOOL_SIZE ??= '32';

// `v8i get … | head` closes the pipe early; that is the reader's choice, not our failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  env: process.env,
  cwd: process.cwd(),
  fetch: globalThis.fetch,
  fs: nodeFileSystem,
  now: () => new Date(),
});
// Let stdout drain before exiting, so piped JSON reports are never cut short.
process.exitCode = exitCode;
