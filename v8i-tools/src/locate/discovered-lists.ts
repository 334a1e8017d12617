import type { Target } from '../fs/file-system.ts';
import type { Located, LocatedFile } from './locate-lists.ts';

/** Which discovered lists a command works on: each user's own, the shared ones, or both. */
export type ListScope = 'user' | 'shared' | 'all';

export const LIST_SCOPES: readonly ListScope[] = ['user', 'shared', 'all'];

const wanted = (file: LocatedFile, scope: ListScope) =>
  (file.role === 'user-list' && scope !== 'shared') || (file.role === 'shared-list' && scope !== 'user');

function whyNot(file: LocatedFile): string {
  if (file.notWritable?.code === 'web-address') return `${file.path} is a web address, not a file; skipped`;
  const by = file.namedBy[0];
  return file.role === 'user-list'
    ? `${file.user}: ${file.path} is not there (1C creates it on the first start); skipped`
    : `${file.path} (CommonInfoBases in ${by?.config ?? '?'}, line ${by?.line ?? '?'}) is not there or cannot be reached; skipped`;
}

/**
 * The base lists `--discover` / `--users` stand for. A list that is not there is a note, not a
 * failure: a user who never started 1C has none yet, and a logon script must not fail for that.
 */
export function discoveredLists(located: Located, scope: ListScope): { files: Target[]; notes: string[] } {
  const files: Target[] = [];
  const notes: string[] = [];
  for (const file of located.files) {
    if (!wanted(file, scope)) continue;
    if (file.exists) files.push({ path: file.path, absolute: file.path });
    else notes.push(whyNot(file));
  }
  return { files, notes };
}
