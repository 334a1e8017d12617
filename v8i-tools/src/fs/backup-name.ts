/**
 * Backup names: `NAME.bak` first; when that exists (an older backup we must not overwrite),
 * `NAME.<UTC timestamp>.bak`, then `NAME.<timestamp>-2.bak` and so on.
 */
export function backupNames(path: string, now: Date): (attempt: number) => string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return (attempt) => {
    if (attempt === 0) return `${path}.bak`;
    return attempt === 1 ? `${path}.${stamp}.bak` : `${path}.${stamp}-${attempt}.bak`;
  };
}
