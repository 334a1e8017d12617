/** One physical line: its text and the line ending that closed it (`''` at end of text). */
export interface RawLine {
  offset: number;
  source: string;
  eol: string;
}

/** Splits at CRLF, LF and a lone CR; the pieces concatenate back to `text` exactly. */
export function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  const eol = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = eol.exec(text); match !== null; match = eol.exec(text)) {
    lines.push({ offset: start, source: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ offset: start, source: text.slice(start), eol: '' });
  return lines;
}
