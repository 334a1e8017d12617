/**
 * Entity tags. Bodies get a content hash (FNV-1a, 52 bits: cheap, synchronous, and collisions only
 * cost a needless 200). Stored resources get their version, so `If-Match` maps to the optimistic
 * version check of the store.
 */
export function contentTag(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `"${(h1 >>> 0).toString(36)}${((h2 >>> 0) & 0xfffff).toString(36)}-${text.length.toString(36)}"`;
}

/** The stored resources that carry a version, and the letter their tags start with. */
const TAG_PREFIX = { message: 'm', settings: 's', monitor: 'o', schedule: 'w', channel: 'c' } as const;
export type VersionedKind = keyof typeof TAG_PREFIX;

export function versionTag(kind: VersionedKind, version: number): string {
  return `"${TAG_PREFIX[kind]}${version}"`;
}

/**
 * The version an `If-Match` header names, `undefined` if it is absent, or `null` when it names no
 * version of this kind (a stale or foreign tag: treated as a mismatch, never as "no condition").
 */
export function parseIfMatch(header: string | undefined, kind: VersionedKind): number | null | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"([a-z])(\d{1,15})"\s*$/.exec(header);
  if (!match || match[1] !== TAG_PREFIX[kind]) return null;
  return Number(match[2]);
}

/** `If-None-Match` against one tag (list and weak forms accepted). */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
}
