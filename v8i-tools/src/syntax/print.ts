import type { Line, V8iDocument } from './tree.ts';

function printLines(lines: Line[]): string {
  let out = '';
  for (const line of lines) out += line.source + line.eol;
  return out;
}

/** Prints the tree back to text; for an unmodified tree the result equals the parsed input. */
export function printV8i(doc: V8iDocument): string {
  let out = printLines(doc.preamble);
  for (const section of doc.sections) out += printLines([section.header, ...section.body]);
  return out;
}
