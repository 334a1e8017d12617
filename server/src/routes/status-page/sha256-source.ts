const cache = new Map<string, Promise<string>>();

/**
 * A CSP hash source (`'sha256-…'`) for an inline `<style>`/`<script>` body. Web Crypto only, so it
 * runs on Node and Workers alike; each distinct text is hashed once.
 */
export function sha256Source(text: string): Promise<string> {
  let hash = cache.get(text);
  if (!hash) {
    hash = crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then((digest) => {
      let binary = '';
      for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
      return `'sha256-${btoa(binary)}'`;
    });
    if (cache.size > 100) cache.clear();
    cache.set(text, hash);
  }
  return hash;
}
