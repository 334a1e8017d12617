// Test-only preload for the dist/v8i.mjs subprocess (`node --import ./v8i-edit-hook.mjs`): right after
// the CLI has read V8I_TEST_EDIT_PATH, "someone else" writes V8I_TEST_EDIT_CONTENT into it, so the
// CLI's check before renaming must notice. The CLI itself has no such hook.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const target = resolve(process.env.V8I_TEST_EDIT_PATH ?? '');
const content = process.env.V8I_TEST_EDIT_CONTENT ?? '';
const realOpen = fs.promises.open;
let edited = false;

fs.promises.open = async (path, flags, mode) => {
  const handle = await realOpen(path, flags, mode);
  // The CLI opens a list for reading with 'r' or with O_RDONLY | O_NOFOLLOW (no write bits).
  const reading = flags === undefined || flags === 'r' || (typeof flags === 'number' && (flags & 3) === 0);
  if (!edited && resolve(String(path)) === target && reading) {
    edited = true;
    const close = handle.close.bind(handle);
    handle.close = async () => {
      await close();
      fs.writeFileSync(target, content);
    };
  }
  return handle;
};
syncBuiltinESMExports();
