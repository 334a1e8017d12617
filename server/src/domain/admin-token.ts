/**
 * Admin bearer tokens. Only SHA-256 digests are held; a presented token is hashed and compared in
 * constant time, so neither its length nor its first wrong byte shows in the timing.
 */
export interface AdminTokenEntry {
  /** Who this token is, for the audit log (never the token). */
  label: string;
  /** Lower-case hex SHA-256 of the token. */
  sha256: string;
}

/** Returns the label of the matching token, or `undefined`. */
export type AdminTokenVerifier = (token: string) => Promise<string | undefined>;

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

export function createTokenVerifier(entries: readonly AdminTokenEntry[]): AdminTokenVerifier {
  const known = entries.map((e) => ({ label: e.label, sha256: e.sha256.toLowerCase() }));
  return async (token) => {
    const presented = await sha256Hex(token);
    let label: string | undefined;
    // Compare against every entry, even after a match: the time taken never says which one matched.
    for (const entry of known) if (constantTimeEqual(presented, entry.sha256) && !label) label = entry.label;
    return label;
  };
}

/** `ADMIN_TOKEN` values: one token, or `label:token` pairs separated by commas. */
export async function tokenEntriesFromEnv(value: string): Promise<AdminTokenEntry[]> {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return Promise.all(
    parts.map(async (part) => {
      const colon = part.indexOf(':');
      const [label, token] = colon > 0 ? [part.slice(0, colon), part.slice(colon + 1)] : ['admin', part];
      return { label, sha256: await sha256Hex(token) };
    }),
  );
}
