import { diagnoseSections } from './diagnose.ts';
import type { Diagnostic, Line, Section, V8iDocument } from './tree.ts';

/** What `String.prototype.trim` removes besides ASCII spaces and controls: rare, so checked last. */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Index of the first character `trim()` would keep, or -1 for a blank line. */
function firstVisible(source: string): number {
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) continue;
    if (code < 0x80 || !UNICODE_SPACE.test(source[i] as string)) return i;
  }
  return -1;
}

/** End of the line starting at `start`: the index of its CR or LF, or the text's length. */
function lineEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

/**
 * Parses a decoded `.v8i` text into a lossless tree. Lines end at CRLF, LF or a lone CR. Never
 * throws on content: odd lines are kept opaque and reported in `diagnostics`. The checks across
 * lines (duplicates, bases without Connect) run when `diagnostics` is first read, so a bulk edit
 * that never asks does not pay for them.
 */
export function parseV8i(text: string): V8iDocument {
  const lineDiagnostics: Diagnostic[] = [];
  const preamble: Line[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  let offset = 0;
  for (let lineNo = 1; offset < text.length; lineNo++) {
    const end = lineEnd(text, offset);
    const eol =
      text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? '\r\n' : text.slice(end, end + 1);
    const source = text.slice(offset, end);
    const line = classify(source, lineNo, offset, eol, current === undefined, lineDiagnostics);
    if (line.kind === 'header') {
      current = { header: line, name: line.name, body: [] };
      sections.push(current);
    } else {
      (current ? current.body : preamble).push(line);
    }
    offset = end + eol.length;
  }

  let diagnostics: Diagnostic[] | undefined;
  return {
    preamble,
    sections,
    length: text.length,
    get diagnostics() {
      diagnostics ??= [...lineDiagnostics, ...diagnoseSections(sections)].sort((a, b) => a.offset - b.offset);
      return diagnostics;
    },
  };
}

/** One line: blank, comment, [header], Key=Value or opaque; a problem with it goes to `diagnostics`. */
function classify(
  source: string,
  lineNo: number,
  offset: number,
  eol: string,
  beforeSections: boolean,
  diagnostics: Diagnostic[],
): Line {
  const first = firstVisible(source);
  if (first === -1) return { kind: 'blank', line: lineNo, offset, source, eol };
  const lead = source[first];
  if (lead === ';' || lead === '#') return { kind: 'comment', line: lineNo, offset, source, eol };
  if (lead === '[') {
    const close = source.lastIndexOf(']');
    if (close > first)
      return { kind: 'header', line: lineNo, offset, source, eol, name: source.slice(first + 1, close) };
    diagnostics.push({
      code: 'malformed-header',
      severity: 'error',
      line: lineNo,
      offset,
      message: `section header "${source.trim()}" has no closing "]"; the line is kept as is and its keys stay in the previous section`,
    });
    return { kind: 'other', line: lineNo, offset, source, eol };
  }
  const eq = source.indexOf('=');
  if (eq !== -1) {
    const key = source.slice(0, eq).trim();
    if (beforeSections) {
      diagnostics.push({
        code: 'key-before-section',
        severity: 'warning',
        line: lineNo,
        offset,
        message: `key "${key}" comes before any [section]; 1C ignores it`,
      });
    }
    const value = source.slice(eq + 1);
    return { kind: 'key', line: lineNo, offset, source, eol, key, value, valueOffset: offset + eq + 1 };
  }
  diagnostics.push({
    code: 'unparsed-line',
    severity: 'warning',
    line: lineNo,
    offset,
    message: 'line is neither a [section], a Key=Value pair nor a comment; it is kept as is',
  });
  return { kind: 'other', line: lineNo, offset, source, eol };
}
