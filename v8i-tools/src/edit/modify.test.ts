import { describe, expect, it } from 'vitest';
import { parseV8i } from '../syntax/parse.ts';
import { readEntries } from './base-entry.ts';
import { type BaseChange, planChanges } from './modify.ts';
import { everyBase, type Selector, selectBases } from './selector.ts';
import { applyEdits } from './text-edit.ts';

const T = 'StartupErrorHelpText';
const U = 'StartupErrorHelpURL';

/** String in, string out: the whole edit pipeline on one text. */
function edit(text: string, change: BaseChange, selector: Selector = everyBase): string {
  const doc = parseV8i(text);
  const { selected } = selectBases(readEntries(doc), selector);
  const plan = planChanges(doc, selected, () => change);
  if (!plan.ok) throw new Error(plan.problem.message);
  return applyEdits(text, plan.edits);
}

describe('set', () => {
  it('replaces only the value bytes of an existing key, quotes and ; untouched', () => {
    const before = '[Б]\r\nConnect=Srvr="s";Ref="b";\r\nStartupErrorHelpText=Звоните 01; #2\r\nWA=1\r\n';
    expect(edit(before, { set: { [T]: 'Дежурный: +7 (495) 123-45-67' } })).toBe(
      '[Б]\r\nConnect=Srvr="s";Ref="b";\r\nStartupErrorHelpText=Дежурный: +7 (495) 123-45-67\r\nWA=1\r\n',
    );
  });

  it('keeps the spelling of an existing key and replaces an empty value', () => {
    expect(edit('[A]\nConnect=x\nstartuperrorhelptext=\n', { set: { [T]: 'hi' } })).toBe(
      '[A]\nConnect=x\nstartuperrorhelptext=hi\n',
    );
  });

  it('inserts after the last key line, before trailing blank and comment lines', () => {
    const before = '[A]\r\nConnect=x\r\nID=1\r\n; note\r\n\r\n[B]\r\nConnect=y\r\n';
    expect(edit(before, { set: { [T]: 't', [U]: 'https://h/' } }, { ...everyBase, bases: ['A'] })).toBe(
      '[A]\r\nConnect=x\r\nID=1\r\nStartupErrorHelpText=t\r\nStartupErrorHelpURL=https://h/\r\n; note\r\n\r\n[B]\r\nConnect=y\r\n',
    );
  });

  it('inserts into a section that is last in a file without a final newline', () => {
    expect(edit('[A]\r\nConnect=x\r\n\r\n[B]\r\nConnect=y', { set: { [T]: 't' } })).toBe(
      '[A]\r\nConnect=x\r\nStartupErrorHelpText=t\r\n\r\n[B]\r\nConnect=y\r\nStartupErrorHelpText=t',
    );
  });

  it('gives a CRLF file CRLF and an LF file LF', () => {
    expect(edit('[A]\r\nConnect=x', { set: { [T]: 't' } })).toBe(
      '[A]\r\nConnect=x\r\nStartupErrorHelpText=t',
    );
    expect(edit('[A]\nConnect=x\n', { set: { [T]: 't' } })).toBe('[A]\nConnect=x\nStartupErrorHelpText=t\n');
  });

  it('uses the dominant ending when a file mixes them', () => {
    expect(edit('[A]\nConnect=x\r\nID=1\nWA=1\n', { set: { [T]: 't' } })).toBe(
      '[A]\nConnect=x\r\nID=1\nWA=1\nStartupErrorHelpText=t\n',
    );
  });

  it('never touches a group (a section without Connect)', () => {
    const before = '[Группа]\r\nID=g\r\nFolder=/\r\n[База]\r\nConnect=x\r\nFolder=/Группа\r\n';
    expect(edit(before, { set: { [T]: 't' } })).toBe(
      '[Группа]\r\nID=g\r\nFolder=/\r\n[База]\r\nConnect=x\r\nFolder=/Группа\r\nStartupErrorHelpText=t\r\n',
    );
    expect(edit('[Группа]\r\nID=g\r\n', { set: { [T]: 't' } }, { ...everyBase, bases: ['Группа'] })).toBe(
      '[Группа]\r\nID=g\r\n',
    );
  });

  it('makes no edit when the value is already there', () => {
    const doc = parseV8i('[A]\nConnect=x\nStartupErrorHelpText=t\n');
    const plan = planChanges(doc, readEntries(doc), () => ({ set: { [T]: 't' } }));
    expect(plan).toMatchObject({ ok: true, edits: [], touched: [] });
  });

  it('refuses a base holding the key twice, naming the lines', () => {
    const doc = parseV8i('[A]\nConnect=x\nStartupErrorHelpText=1\nStartupErrorHelpText=2\n');
    const plan = planChanges(doc, readEntries(doc), () => ({ set: { [T]: 't' } }));
    expect(plan).toMatchObject({ ok: false, problem: { code: 'duplicate-key' } });
    expect(!plan.ok && plan.problem.message).toContain('lines 3 and 4');
  });
});

describe('unset', () => {
  it('removes the whole key line and nothing else', () => {
    expect(edit('[A]\r\nConnect=x\r\nStartupErrorHelpURL=u\r\nWA=1\r\n', { unset: [U, T] })).toBe(
      '[A]\r\nConnect=x\r\nWA=1\r\n',
    );
  });

  it('after set restores the original text, with or without a final newline', () => {
    for (const original of ['[A]\r\nConnect=x', '[A]\r\nConnect=x\r\n', '[A]\nConnect=x\n\n[B]\nConnect=y']) {
      const withHelp = edit(original, { set: { [T]: 't', [U]: 'https://h/' } });
      expect(withHelp).not.toBe(original);
      expect(edit(withHelp, { unset: [T, U] })).toBe(original);
    }
  });
});
