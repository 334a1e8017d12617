import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const FRONT_SAMPLE = join(
  import.meta.dirname,
  '..',
  'samples',
  'nginx',
  '1c-front-friendly-page.conf',
);

export interface FrontAddresses {
  /** Where nginx listens (plain HTTP on loopback instead of the sample's 443 with TLS). */
  port: number;
  /** `host:port` of the 1C web server and of startup-help. */
  onec: string;
  startupHelp: string;
  /** Instead of the sample's 120 s, so a hanging origin is quick to test. */
  readTimeoutSeconds?: number;
}

/**
 * samples/nginx/1c-front-friendly-page.conf with only the lines an administrator edits replaced:
 * addresses, the listen line and the certificate. Each must be found, so a change to the sample
 * that these tests would silently stop covering fails here instead.
 */
export async function frontConfig(addresses: FrontAddresses): Promise<string> {
  let text = await readFile(FRONT_SAMPLE, 'utf8');
  const edits: [RegExp, string][] = [
    [/^(\s*server )127\.0\.0\.1:8080;/m, `$1${addresses.onec};`],
    [/^(\s*server )127\.0\.0\.1:8787;/m, `$1${addresses.startupHelp};`],
    [/^(\s*)listen 443 ssl;/m, `$1listen 127.0.0.1:${addresses.port};`],
    [/^\s*ssl_certificate .*\n\s*ssl_certificate_key .*\n/m, ''],
  ];
  if (addresses.readTimeoutSeconds !== undefined) {
    edits.push([/proxy_read_timeout \d+s;/, `proxy_read_timeout ${addresses.readTimeoutSeconds}s;`]);
  }
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(text))
      throw new Error(`${FRONT_SAMPLE} no longer has ${pattern}: update ${import.meta.filename}`);
    text = text.replace(pattern, replacement);
  }
  return text;
}
