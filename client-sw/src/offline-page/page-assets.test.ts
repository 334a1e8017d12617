import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JS, without type declarations.
import { generatePageAssets, PAGE_ASSETS_FILE } from '../../../scripts/build-sw.mjs';

describe('page-assets.generated.ts', () => {
  it('is up to date with page-script.ts and page-style.css (run `npm run build:sw` and commit if not)', async () => {
    expect(await readFile(PAGE_ASSETS_FILE, 'utf8')).toBe(await generatePageAssets());
  });
});
