/** A patch on the decoded text, in the shape of jsonc-parser's `Edit`: touch only these characters. */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

/**
 * Applies non-overlapping edits. Edits at the same offset keep their given order, so two inserted
 * lines come out in the order they were planned.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.offset - b.edit.offset || a.index - b.index);
  let out = '';
  let cursor = 0;
  for (const { edit } of sorted) {
    if (edit.offset < cursor) throw new Error(`overlapping edits at offset ${edit.offset}`);
    out += text.slice(cursor, edit.offset) + edit.content;
    cursor = edit.offset + edit.length;
  }
  return out + text.slice(cursor);
}
