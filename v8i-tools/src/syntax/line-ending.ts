import type { V8iDocument } from './tree.ts';

/**
 * The file's dominant line ending, for lines we add. 1C writes CRLF, so CRLF wins ties and is the
 * choice for a file without any line break.
 */
export function dominantLineEnding(doc: V8iDocument): string {
  const counts = new Map<string, number>([
    ['\r\n', 0],
    ['\n', 0],
    ['\r', 0],
  ]);
  const count = (eol: string) => {
    if (eol) counts.set(eol, (counts.get(eol) ?? 0) + 1);
  };
  for (const line of doc.preamble) count(line.eol);
  for (const section of doc.sections) {
    count(section.header.eol);
    for (const line of section.body) count(line.eol);
  }
  let best = '\r\n';
  for (const [eol, n] of counts) if (n > (counts.get(best) ?? 0)) best = eol;
  return best;
}
