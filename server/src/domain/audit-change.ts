/**
 * The fields of `before` and `after` that differ, each side with its own value: what an audit entry
 * keeps of an update. A field only one side has appears on that side alone (added or removed).
 * Values are compared as JSON, so a changed nested object counts as one changed field.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const was: Record<string, unknown> = {};
  const is: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[key];
    const next = after[key];
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    if (old !== undefined) was[key] = old;
    if (next !== undefined) is[key] = next;
  }
  return { before: was, after: is };
}
