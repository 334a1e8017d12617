import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// How fast the CLI starts is measured by bench/cli-start.mjs; this proves why it is fast: `--version`,
// `--help` and usage errors never initialise command code, so Node loads no builtin that only commands
// need. That the shipped file runs alone, with no node_modules beside it, is test/v8i-cli.test.ts.

const repo = join(import.meta.dirname, '..');
/** Builtins only command code pulls in (atomic writes, globbing, the progress bar). */
const commandOnly = /^(crypto|readline|internal\/crypto\/|internal\/readline\/|internal\/fs\/streams$)/;

/** The pinned Node, plus the system's own Node 20+ if there is one: laziness must hold on both. */
function nodes(): string[] {
  const found = [process.execPath];
  const ours = execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim();
  for (const candidate of ['/usr/local/bin/node', '/usr/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    if (Number(version.slice(1).split('.')[0]) >= 20 && version !== ours) found.push(candidate);
  }
  return found;
}

let root: string;
let bin: string;
let probe: string;
let empty: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'v8i-start-'));
  bin = join(root, 'v8i.mjs');
  await copyFile(join(repo, 'dist/v8i.mjs'), bin);
  // Preloaded, it reports the builtins Node loaded during the run once the process is done.
  probe = join(root, 'probe.mjs');
  empty = join(root, 'empty.mjs');
  await writeFile(empty, '');
  await writeFile(
    probe,
    "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(process.moduleLoadList) + '\\n'));\n",
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Builtin module ids (e.g. `crypto`, `internal/readline/interface`) a run of `script` loaded. */
function loadedBuiltins(
  node: string,
  args: string[],
  script = bin,
): Promise<{ code: number; out: string; loaded: string[] }> {
  return new Promise((resolve) => {
    execFile(
      node,
      ['--import', probe, script, ...args],
      { cwd: root, env: { PATH: '/usr/bin:/bin' } },
      (error, out, err) => {
        const list: string[] = JSON.parse(err.split('\nLOADED ')[1] ?? '[]');
        resolve({
          code: error ? Number(error.code) : 0,
          out,
          loaded: list.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
        });
      },
    );
  });
}

describe('dist/v8i.mjs start-up', () => {
  it('maps back to the TypeScript sources (dist/v8i.mjs.map)', async () => {
    const source = await readFile(bin, 'utf8');
    expect(source.trimEnd().endsWith('//# sourceMappingURL=v8i.mjs.map')).toBe(true);
    const map = new SourceMap(JSON.parse(await readFile(join(repo, 'dist/v8i.mjs.map'), 'utf8')));
    // Where the bundle writes the unknown-command message must map to main.ts, at the line that has it.
    const lines = source.split('\n');
    const line = lines.findIndex((l) => l.includes('v8i: unknown command'));
    const entry = map.findEntry(line, (lines[line] ?? '').indexOf('v8i: unknown command'));
    if (!('originalSource' in entry)) throw new Error('the message has no mapping');
    expect(entry.originalSource).toMatch(/v8i-tools\/src\/cli\/main\.ts$/);
    const mainLines = (await readFile(join(repo, 'v8i-tools/src/cli/main.ts'), 'utf8')).split('\n');
    const near = mainLines.slice(entry.originalLine, entry.originalLine + 2).join('\n');
    expect(near).toContain('unknown command');
  });

  for (const node of nodes()) {
    it(`--version, --help and a usage error load no command-only builtin (${node})`, async () => {
      // Node 20 itself loads readline internals for any ES module entry: only what we add counts.
      const bare = new Set((await loadedBuiltins(node, [], empty)).loaded);
      expect(bare.size, 'the probe saw nothing').toBeGreaterThan(0);
      for (const args of [['--version'], ['--help'], ['set', '--help'], ['frobnicate']]) {
        const { loaded } = await loadedBuiltins(node, args);
        expect(
          loaded.filter((m) => !bare.has(m) && commandOnly.test(m)),
          args.join(' '),
        ).toEqual([]);
      }
    });

    it(`a command still loads what it needs from the same file (${node})`, async () => {
      const samples = join(root, 'samples');
      await rm(samples, { recursive: true, force: true });
      execFileSync('cp', ['-r', join(repo, 'samples'), samples]);
      const { code, out, loaded } = await loadedBuiltins(node, [
        'set',
        samples,
        '--help-text',
        'Звоните 1234',
        '--json',
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(out).files.length).toBeGreaterThan(0);
      // The probe sees command-only builtins when they are used: the check above can fail.
      const bare = new Set((await loadedBuiltins(node, [], empty)).loaded);
      expect(loaded.filter((m) => !bare.has(m) && commandOnly.test(m))).not.toEqual([]);
    });
  }
});
