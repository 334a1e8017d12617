/**
 * The concrete syntax tree of a `.v8i` base list. Every line keeps its exact source text and line
 * ending, so printing is concatenation and `print(parse(x)) === x` holds by construction.
 */

export type LineKind = 'header' | 'key' | 'blank' | 'comment' | 'other';

interface LineBase {
  kind: LineKind;
  /** 1-based line number. */
  line: number;
  /** Offset of the first character of the line in the decoded text. */
  offset: number;
  /** The line without its ending. */
  source: string;
  /** `\r\n`, `\n`, `\r` or `''` (last line without a final newline). */
  eol: string;
}

export interface HeaderLine extends LineBase {
  kind: 'header';
  /** Everything between the first `[` and the last `]`, raw. */
  name: string;
}

export interface KeyLine extends LineBase {
  kind: 'key';
  /** The text before the first `=`, trimmed. */
  key: string;
  /** The text after the first `=`, raw (quotes, `;` and `#` are part of the value). */
  value: string;
  /** Offset of the value's first character in the decoded text. */
  valueOffset: number;
}

export interface OpaqueLine extends LineBase {
  kind: 'blank' | 'comment' | 'other';
}

export type Line = HeaderLine | KeyLine | OpaqueLine;

export interface Section {
  header: HeaderLine;
  name: string;
  /** Lines after the header up to the next header. */
  body: Line[];
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code:
    | 'duplicate-section'
    | 'duplicate-id'
    | 'duplicate-key'
    | 'key-before-section'
    | 'malformed-header'
    | 'base-without-connect'
    | 'unparsed-line';
  severity: Severity;
  line: number;
  offset: number;
  message: string;
}

export interface V8iDocument {
  /** Lines before the first section header. */
  preamble: Line[];
  sections: Section[];
  /** Offset just past the last character. */
  length: number;
  /** Problems, in the order of the text (computed on first read). */
  readonly diagnostics: Diagnostic[];
}
