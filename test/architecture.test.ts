// The layout's rules, checked on every run: parts import downward only (contract ← everything), the
// server reaches into the client kit through one module, core code stays off the runtime, and no
// comment sends a reader to a file that does not exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const PARTS = ['contract', 'server', 'console', 'client-sw', 'v8i-tools'] as const;
type Part = (typeof PARTS)[number];

/** Which parts each part may import (itself always). */
const ALLOWED: Readonly<Record<Part, readonly Part[]>> = {
  contract: [],
  server: ['contract'],
  console: ['contract'],
  'client-sw': ['contract'],
  'v8i-tools': ['contract'],
};
/** The one module through which the server may use the client kit (its pure page renderer). */
const SERVER_TO_KIT_DOOR = 'server/src/offline-page.ts';
/** Packages the contract may use: it is loaded by the browser page, the service worker and the CLI. */
const CONTRACT_PACKAGES = ['zod/mini', 'zod/locales'];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'test-results', '.wrangler', 'data'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mjs)$/.test(entry.name)) yield path;
  }
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? '');
}

const partOf = (path: string): Part | undefined =>
  PARTS.find((part) => relative(join(ROOT, part), path).split('/')[0] !== '..');

describe('the layout', () => {
  it('imports go downward only: contract ← server, console, client-sw, v8i-tools', () => {
    const wrong: string[] = [];
    for (const part of PARTS) {
      for (const file of sourceFiles(join(ROOT, part))) {
        const from = relative(ROOT, file);
        for (const specifier of importsOf(file)) {
          if (!specifier.startsWith('.')) {
            if (part === 'contract' && !CONTRACT_PACKAGES.includes(specifier) && !file.endsWith('.test.ts')) {
              wrong.push(`${from} imports the package ${specifier}; the contract uses only zod`);
            }
            continue;
          }
          const target = partOf(resolve(dirname(file), specifier));
          if (!target || target === part || ALLOWED[part].includes(target)) continue;
          if (part === 'server' && target === 'client-sw' && from === SERVER_TO_KIT_DOOR) continue;
          wrong.push(`${from} imports ${specifier} (${part} → ${target})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('only entry points touch the runtime: no node:* in contract, console, client-sw or the domain', () => {
    const entries = new Set(['client-sw/src/sw.ts']);
    const wrong: string[] = [];
    for (const dir of ['contract', 'console', 'client-sw/src', 'server/src/domain']) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        const from = relative(ROOT, file);
        if (entries.has(from) || file.endsWith('.test.ts')) continue;
        for (const specifier of importsOf(file)) {
          if (specifier.startsWith('node:')) wrong.push(`${from} imports ${specifier}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no comment or text cites a repository file that does not exist', () => {
    const cited =
      /(?<![\w./-])((?:contract|server|console|client-sw|v8i-tools|samples|test|bench|scripts|docs)\/[\w./-]*\w\.(?:ts|tsx|mjs|md|json|sql|conf|config|service|ps1|cfg|v8i|csv))\b/g;
    const missing: string[] = [];
    const files = [...PARTS, 'test', 'bench', 'scripts'].flatMap((dir) => [...sourceFiles(join(ROOT, dir))]);
    for (const file of [...files, join(ROOT, 'README.md'), ...mdFiles(join(ROOT, 'docs'))]) {
      for (const match of readFileSync(file, 'utf8').matchAll(cited)) {
        const path = match[1] ?? '';
        if (path.includes('*') || existsSync(join(ROOT, path))) continue;
        missing.push(`${relative(ROOT, file)} cites ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

function mdFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name));
}
