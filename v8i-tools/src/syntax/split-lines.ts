/** One physical line: its text and the line ending that closed it (`''` at end of text). */
export interface RawLine {
  offset: number;
  source: string;
  eol: string;
}

/** Splits at CRLF, LF and a lone CR; the pieces concatenate back to `text` exactly. */
export function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      const eolLength = ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      lines.push({ offset: start, source: text.slice(start, i), eol: text.slice(i, i + eolLength) });
      i += eolLength;
      start = i;
    } else {
      i++;
    }
  }
  if (start < text.length) lines.push({ offset: start, source: text.slice(start), eol: '' });
  return lines;
}
