import type { UpstreamOptions } from './proxy-routes.ts';
import { readClientKit } from './read-client-kit.ts';
import { type UpstreamEnv, upstreamFromEnv } from './upstream-env.ts';

/**
 * Proxy mode for the Node entry: the environment plus the built kit from disk. Throws on a bad
 * variable (the entry refuses to start); a missing kit is only a warning, since pages still pass
 * through and the friendly page still works — only the service worker script is not injected.
 */
export async function nodeUpstream(
  env: UpstreamEnv,
  kitDir: string,
): Promise<{ upstream?: UpstreamOptions; warning?: string }> {
  if (!upstreamFromEnv(env, undefined)) return {};
  const kit = await readClientKit(kitDir);
  const upstream = upstreamFromEnv(env, kit);
  if (!upstream) return {};
  return kit
    ? { upstream }
    : {
        upstream,
        warning: `proxy mode: no client-sw kit in ${kitDir}, so pages get no service worker script. Run "npm run build:sw" and restart.`,
      };
}
