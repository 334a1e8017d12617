// The reference program for bench/v8i-bulk.mjs: what a careful hand-written editor does to every
// .v8i file under a folder, minus any understanding of the file — find them, then per file: read,
// write a temp file next to it, fsync, rename over the original; JOBS files at a time. It starts as a
// process and lists the folder itself, as v8i does. Usage: node bench/careful-editor.mjs FOLDER [JOBS]
process.env.UV_THREADPOOL_SIZE ??= '32'; // as v8i sets it for itself, so both get the same pool

import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const [folder, jobs = '16'] = process.argv.slice(2);
const paths = [];
for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.toLowerCase().endsWith('.v8i'))
    paths.push(join(entry.parentPath, entry.name));
}
let next = 0;
async function worker() {
  while (next < paths.length) {
    const path = paths[next++];
    const bytes = await readFile(path);
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  }
}
await Promise.all(Array.from({ length: Number(jobs) }, worker));
console.error(`rewrote ${paths.length} files`);
