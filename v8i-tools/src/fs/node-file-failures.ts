import { FileFailure } from './file-system.ts';

// The Node adapter's failures, each with the words a person needs: what failed and what to do.

export function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
}

export function readFailure(error: unknown): FileFailure {
  const code = errno(error);
  if (code === 'ENOENT') return new FileFailure('not-found', 'file not found', 'check the path');
  if (code === 'EISDIR') return new FileFailure('not-a-file', 'is a directory', 'pass the directory itself');
  if (code === 'EACCES' || code === 'EPERM') {
    return new FileFailure(
      'unreadable',
      `cannot read the file (${code})`,
      'run as a user allowed to read it',
    );
  }
  return new FileFailure('unreadable', `cannot read the file (${code})`, 'check the disk and the path');
}

export function vanished(): FileFailure {
  return new FileFailure(
    'changed-meanwhile',
    'removed or renamed by someone else while editing; nothing written',
    'check where the file went, then run again',
  );
}

export const readOnly = () =>
  new FileFailure(
    'read-only',
    'file is read-only',
    'make it writable (chmod u+w, or clear "Read-only" in its Windows properties) or leave it out',
  );

/** Lack of rights, worded the same whether a dry run found it or the real write hit it. */
export function rightsFailure(error: unknown, where: 'file' | 'folder'): FileFailure | undefined {
  const code = errno(error);
  if (code === 'EROFS') {
    return new FileFailure(
      'read-only',
      'the disk is mounted read-only',
      'edit the list where it is writable',
    );
  }
  if (code === 'EBUSY') {
    return new FileFailure(
      'in-use',
      'another program holds the file open and locked',
      'close the 1C launcher or whatever holds it, then run again',
    );
  }
  if (code !== 'EACCES' && code !== 'EPERM') return undefined;
  return where === 'file'
    ? new FileFailure(
        'no-permission',
        `no permission to change this file (${code})`,
        'run as a user allowed to change it (an administrator, or the owner)',
      )
    : new FileFailure(
        'no-permission',
        `no permission to create files in its folder (${code}); a safe write needs a temporary file next to the list`,
        'run as a user allowed to write in that folder',
      );
}

export function writeFailure(error: unknown, what: string): FileFailure {
  const code = errno(error);
  const hint =
    code === 'ENOSPC'
      ? 'free some disk space, then run again'
      : 'check the permissions of the file and its folder; an immutable flag (chattr +i) or a program holding the file open also stops writes';
  return new FileFailure('write-failed', `cannot ${what} (${code})`, hint);
}

export function changedMeanwhile(): FileFailure {
  return new FileFailure(
    'changed-meanwhile',
    'changed by someone else while editing; run again',
    'their version is kept; run the same command again to apply the change on top of it',
  );
}
