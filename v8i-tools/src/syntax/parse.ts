import { diagnoseSections } from './diagnose.ts';
import { splitLines } from './split-lines.ts';
import type { Diagnostic, Line, Section, V8iDocument } from './tree.ts';

/**
 * Parses a decoded `.v8i` text into a lossless tree. Never throws on content: odd lines are kept
 * opaque and reported in `diagnostics`.
 */
export function parseV8i(text: string): V8iDocument {
  const diagnostics: Diagnostic[] = [];
  const preamble: Line[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;

  splitLines(text).forEach((raw, index) => {
    const lineNo = index + 1;
    const base = { line: lineNo, offset: raw.offset, source: raw.source, eol: raw.eol };
    const trimmed = raw.source.trim();
    let line: Line;
    if (trimmed === '') {
      line = { ...base, kind: 'blank' };
    } else if (trimmed.startsWith(';') || trimmed.startsWith('#')) {
      line = { ...base, kind: 'comment' };
    } else if (trimmed.startsWith('[')) {
      const open = raw.source.indexOf('[');
      const close = raw.source.lastIndexOf(']');
      if (close > open) {
        const header = { ...base, kind: 'header' as const, name: raw.source.slice(open + 1, close) };
        current = { header, name: header.name, body: [] };
        sections.push(current);
        return;
      }
      line = { ...base, kind: 'other' };
      diagnostics.push({
        code: 'malformed-header',
        severity: 'error',
        line: lineNo,
        offset: raw.offset,
        message: `section header "${trimmed}" has no closing "]"; the line is kept as is and its keys stay in the previous section`,
      });
    } else if (raw.source.includes('=')) {
      const eq = raw.source.indexOf('=');
      line = {
        ...base,
        kind: 'key',
        key: raw.source.slice(0, eq).trim(),
        value: raw.source.slice(eq + 1),
        valueOffset: raw.offset + eq + 1,
      };
      if (!current) {
        diagnostics.push({
          code: 'key-before-section',
          severity: 'warning',
          line: lineNo,
          offset: raw.offset,
          message: `key "${line.key}" comes before any [section]; 1C ignores it`,
        });
      }
    } else {
      line = { ...base, kind: 'other' };
      diagnostics.push({
        code: 'unparsed-line',
        severity: 'warning',
        line: lineNo,
        offset: raw.offset,
        message: 'line is neither a [section], a Key=Value pair nor a comment; it is kept as is',
      });
    }
    (current ? current.body : preamble).push(line);
  });

  diagnostics.push(...diagnoseSections(sections));
  diagnostics.sort((a, b) => a.offset - b.offset);
  return { preamble, sections, length: text.length, diagnostics };
}
