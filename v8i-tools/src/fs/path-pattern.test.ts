import { describe, expect, it } from 'vitest';
import { splitPathPattern } from './path-pattern.ts';
import { pathStyleFor } from './path-style.ts';

const windows = pathStyleFor('win32');
const unix = pathStyleFor('linux');

describe('splitPathPattern on Windows', () => {
  it('reads \\ as a separator and starts the pattern at the first segment with * or ?', () => {
    expect(splitPathPattern('C:\\Users\\*\\AppData\\Roaming\\1C\\1CEStart', windows)).toEqual({
      kind: 'glob',
      base: 'C:\\Users',
      pattern: '*/AppData/Roaming/1C/1CEStart',
    });
    expect(splitPathPattern('c:/users/*/appdata/roaming/1c/1cestart/ib?ses.v8i', windows)).toEqual({
      kind: 'glob',
      base: 'c:\\users',
      pattern: '*/appdata/roaming/1c/1cestart/ib?ses.v8i',
    });
  });

  it('keeps a share (\\\\server\\share) or a drive root as the base', () => {
    expect(splitPathPattern('\\\\fs.corp.local\\1c$\\*.v8i', windows)).toEqual({
      kind: 'glob',
      base: '\\\\fs.corp.local\\1c$\\',
      pattern: '*.v8i',
    });
    expect(splitPathPattern('\\\\fs\\1c$\\lists\\*\\bases.v8i', windows)).toEqual({
      kind: 'glob',
      base: '\\\\fs\\1c$\\lists',
      pattern: '*/bases.v8i',
    });
    expect(splitPathPattern('D:\\*.v8i', windows)).toEqual({ kind: 'glob', base: 'D:\\', pattern: '*.v8i' });
  });

  it('takes a path without * or ? as it is, even with brackets, braces or $', () => {
    for (const path of [
      'C:\\Program Files (x86)\\lists\\[old] {2019}.v8i',
      '\\\\fs\\1c$\\common-bases.v8i',
      'ibases.v8i',
      '..\\petrova\\AppData',
    ]) {
      expect(splitPathPattern(path, windows)).toEqual({ kind: 'path', path });
    }
  });

  it('escapes what tinyglobby would read as glob syntax in the wildcard part', () => {
    expect(splitPathPattern('C:\\Lists\\*\\Archive (2019)\\[old]+{a}!@*.v8i', windows)).toEqual({
      kind: 'glob',
      base: 'C:\\Lists',
      pattern: '*/Archive \\(2019\\)/\\[old\\]\\+\\{a\\}\\!\\@*.v8i',
    });
  });

  it('searches a relative pattern from the working folder', () => {
    expect(splitPathPattern('*\\ibases.v8i', windows)).toEqual({
      kind: 'glob',
      base: '.',
      pattern: '*/ibases.v8i',
    });
    expect(splitPathPattern('profiles\\*', windows)).toEqual({
      kind: 'glob',
      base: 'profiles',
      pattern: '*',
    });
  });
});

describe('splitPathPattern on Linux', () => {
  it('keeps the shell glob syntax and \\ escapes for tinyglobby', () => {
    expect(splitPathPattern('/home/*/.1C/1cestart', unix)).toEqual({
      kind: 'glob',
      base: '/home',
      pattern: '*/.1C/1cestart',
    });
    expect(splitPathPattern('/srv/lists/{a,b}/**/*.v8i', unix)).toEqual({
      kind: 'glob',
      base: '/srv/lists',
      pattern: '{a,b}/**/*.v8i',
    });
    expect(splitPathPattern('ibases-[ab].v8i', unix)).toEqual({
      kind: 'glob',
      base: '.',
      pattern: 'ibases-[ab].v8i',
    });
    expect(splitPathPattern('/home/ivanov/.1C/1cestart', unix)).toEqual({
      kind: 'path',
      path: '/home/ivanov/.1C/1cestart',
    });
  });
});
