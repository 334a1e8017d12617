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

/** Lower-case hex SHA-256 of a text; a runtime may bring a faster one than Web Crypto's. */
export type Sha256Hex = (text: string) => string | Promise<string>;

/**
 * `hash` defaults to Web Crypto, which both runtimes have; Node passes its synchronous `node:crypto`
 * hash, because Web Crypto's digest is a job on the thread pool that costs the service's thread about
 * a tenth of an admin request.
 */
export function createTokenVerifier(
  entries: readonly AdminTokenEntry[],
  hash: Sha256Hex = sha256Hex,
): AdminTokenVerifier {
  const known = entries.map((e) => ({ label: e.label, sha256: e.sha256.toLowerCase() }));
  return async (token) => {
    const presented = await hash(token);
    let label: string | undefined;
    // Compare against every entry, even after a match: the time taken never says which one matched.
    for (const entry of known) if (constantTimeEqual(presented, entry.sha256) && !label) label = entry.label;
    return label;
  };
}

/** Shorter tokens can be guessed or typed in by mistake; 24 characters is what a password manager makes easily. */
export const MIN_TOKEN_LENGTH = 24;

/** `ADMIN_TOKEN` as configured: the entries, or why the value cannot be used (the admin API stays off). */
export type AdminTokenConfig = { ok: true; entries: AdminTokenEntry[] } | { ok: false; problem: string };

const FIX = 'Fix ADMIN_TOKEN: one token, or "label:token" pairs separated by commas.';

/**
 * `ADMIN_TOKEN` values: one token (label `admin`), or `label:token` pairs separated by commas. Every
 * entry is checked, and a bad one is named by its position and label (never by its token): a token
 * shorter than 24 characters, an empty label or token, whitespace inside, or one token given to two
 * labels (the audit log could not tell them apart) makes the whole value unusable.
 */
export async function parseAdminTokens(value: string): Promise<AdminTokenConfig> {
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, problem: `ADMIN_TOKEN is empty. ${FIX}` };
  const seen = new Map<string, string>();
  const entries: AdminTokenEntry[] = [];
  for (const [index, part] of parts.entries()) {
    const colon = part.indexOf(':');
    const [label, token] = colon >= 0 ? [part.slice(0, colon), part.slice(colon + 1)] : ['admin', part];
    const where = `ADMIN_TOKEN entry ${index + 1}${label && colon >= 0 ? ` ("${label}")` : ''}`;
    const problem = tokenProblem(label, token);
    if (problem) return { ok: false, problem: `${where} ${problem}. ${FIX}` };
    const other = seen.get(token);
    if (other !== undefined) {
      return {
        ok: false,
        problem: `${where} has the same token as "${other}"; give each administrator their own token. ${FIX}`,
      };
    }
    seen.set(token, label);
    entries.push({ label, sha256: await sha256Hex(token) });
  }
  return { ok: true, entries };
}

function tokenProblem(label: string, token: string): string | undefined {
  if (label === '') return 'has an empty label before ":"';
  if (/\s/.test(label)) return 'has whitespace in its label';
  if (token === '') return 'has no token';
  if (/\s/.test(token)) return 'has whitespace in its token (a Bearer header cannot carry it)';
  if (token.length < MIN_TOKEN_LENGTH) {
    return `has a token of ${token.length} characters; use at least ${MIN_TOKEN_LENGTH} (e.g. \`openssl rand -base64 32\`)`;
  }
  return undefined;
}
