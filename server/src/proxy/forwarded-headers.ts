import { rewriteLocation } from './rewrite-location.ts';

/**
 * Header fields in order as `name, value, name, value…`, the shape of Node's `rawHeaders`: the case
 * of each name, the order and repeated fields are kept, so what passes through is what was sent.
 * Values are byte strings (one char per byte, as Node's parser and Workers' Headers give them).
 */
export type HeaderList = readonly string[];

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1); never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Names by length, a cheap first test before lower-casing a name: bit n is set when some name of
 * length n is in `names`; names longer than 30 characters are always tested in full.
 */
export function nameLengths(names: Iterable<string>): number {
  let mask = 0;
  for (const name of names) mask |= name.length > 30 ? ANY_LENGTH : 1 << name.length;
  return mask;
}

/** Whether `name` may be one of the names `mask` was made from (false: it surely is not). */
export function mayBeOneOf(mask: number, name: string): boolean {
  return name.length > 30 || (mask & (1 << name.length)) !== 0;
}

const ANY_LENGTH = 0x7fffffff;
/** The response headers this hop rewrites (the rest pass as they came, unless hop-by-hop). */
const REWRITTEN = ['location', 'content-length', 'content-encoding'];
const REWRITTEN_LENGTHS = nameLengths(REWRITTEN);
const DOWNSTREAM_LENGTHS = nameLengths([...REWRITTEN, ...HOP_BY_HOP]);
/** The request headers this hop sets or rewrites, plus the hop-by-hop ones. */
const UPSTREAM_LENGTHS = nameLengths([
  'host',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'accept-encoding',
  ...HOP_BY_HOP,
]);

/** The hop-by-hop set plus every name a `Connection` header lists (lower case). */
function hopByHopNames(raw: HeaderList): ReadonlySet<string> {
  let names: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length !== 10 || name.toLowerCase() !== 'connection') continue;
    const value = (raw[i + 1] as string).toLowerCase();
    // The usual `keep-alive` or `close` lists nothing new: no set to build.
    if (value === 'keep-alive' || value === 'close') continue;
    names ??= new Set(HOP_BY_HOP);
    for (const token of value.split(',')) {
      const name = token.trim();
      if (name) names.add(name);
    }
  }
  return names ?? HOP_BY_HOP;
}

/** The first value of `lowerName` in `raw`, if any. */
export function headerValue(raw: HeaderList, lowerName: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return raw[i + 1];
  }
  return undefined;
}

export interface UpstreamRequestHeaderOptions {
  /** `host[:port]` of UPSTREAM_URL: the Host the 1C web server gets, as nginx's `proxy_pass` sends. */
  upstreamHost: string;
  /** The browser's address as this service saw it, if the runtime tells. */
  clientAddress: string | undefined;
  /** The scheme the request reached this service with (`http` on the Node listener). */
  scheme: string;
  /** The host the request was sent to when the list has no `Host` (Web Requests keep it in the URL). */
  requestHost?: string | undefined;
  /**
   * A reverse proxy in front sets X-Forwarded-Proto/-Host (`TRUST_PROXY`): its values pass on.
   * Otherwise they describe this hop: our scheme and the Host the browser sent.
   */
  trustForwarded: boolean;
  /**
   * Workers only: `fetch` there decodes gzip by itself and nothing else reliably, so the origin is
   * asked for gzip or nothing; the HTML the script goes into is then always plain. Node passes the
   * browser's own `Accept-Encoding` and decodes what it must itself.
   */
  gzipOnly?: boolean;
  /** A WebSocket handshake: `Connection: Upgrade` and `Upgrade` pass, to the origin and back. */
  upgrade?: boolean;
}

/**
 * The headers the origin gets: the browser's own, in their order and case, minus hop-by-hop ones,
 * with `Host` naming the origin, the client appended to `X-Forwarded-For`, and
 * `X-Forwarded-Proto`/`-Host` saying what the browser used. Nothing else is added or changed.
 */
export function upstreamRequestHeaders(raw: HeaderList, options: UpstreamRequestHeaderOptions): string[] {
  const drop = hopByHopNames(raw);
  const out: string[] = [];
  let receivedHost: string | undefined;
  let forwardedFor = -1;
  let forwardedProto = false;
  let forwardedHost = false;
  let acceptEncoding = false;
  const mask = drop === HOP_BY_HOP ? UPSTREAM_LENGTHS : ANY_LENGTH;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    if (!mayBeOneOf(mask, name)) {
      out.push(name, value);
      continue;
    }
    const lower = name.toLowerCase();
    if (drop.has(lower)) {
      if (options.upgrade && lower === 'upgrade') out.push(name, value);
      else if (options.upgrade && lower === 'connection') out.push(name, 'Upgrade');
      continue;
    }
    switch (lower) {
      case 'host':
        // One Host only (a second one is malformed; Node refuses such requests before this).
        if (receivedHost === undefined) out.push(name, options.upstreamHost);
        receivedHost ??= value;
        break;
      case 'x-forwarded-for':
        if (forwardedFor < 0) {
          forwardedFor = out.length + 1;
          out.push(name, value);
        } else {
          out[forwardedFor] = `${out[forwardedFor]}, ${value}`;
        }
        break;
      case 'x-forwarded-proto':
      case 'x-forwarded-host':
        // Untrusted values are the client's own claims: dropped here, replaced below.
        if (options.trustForwarded) {
          if (lower === 'x-forwarded-proto') forwardedProto = true;
          else forwardedHost = true;
          out.push(name, value);
        }
        break;
      case 'accept-encoding':
        acceptEncoding = true;
        out.push(name, options.gzipOnly ? gzipOrIdentity(value) : value);
        break;
      default:
        out.push(name, value);
    }
  }
  if (receivedHost === undefined) {
    out.unshift('Host', options.upstreamHost);
    receivedHost = options.requestHost;
  }
  if (options.clientAddress) {
    if (forwardedFor < 0) out.push('X-Forwarded-For', options.clientAddress);
    else out[forwardedFor] = `${out[forwardedFor]}, ${options.clientAddress}`;
  }
  if (!forwardedProto) out.push('X-Forwarded-Proto', options.scheme);
  if (!forwardedHost && receivedHost !== undefined) out.push('X-Forwarded-Host', receivedHost);
  if (options.gzipOnly && !acceptEncoding) out.push('Accept-Encoding', 'identity');
  return out;
}

function gzipOrIdentity(acceptEncoding: string): string {
  return /\bgzip\b/i.test(acceptEncoding) ? 'gzip' : 'identity';
}

export interface DownstreamResponseHeaderOptions {
  /** UPSTREAM_URL's origin: a `Location` naming it is pointed back at this service. */
  upstreamOrigin: string;
  /** PUBLIC_URL's origin; without it such a `Location` becomes a path (relative to this host). */
  publicOrigin: string | undefined;
  /**
   * The body is rewritten: a number is how many bytes the rewrite adds (a plain page gets exactly one
   * tag, so its `Content-Length` stays known); `'drop'` when the new length cannot be known.
   */
  lengthChange?: number | 'drop' | undefined;
  /** The body is passed on decoded: its `Content-Encoding` no longer holds. */
  dropEncoding?: boolean;
  /** The origin's `101 Switching Protocols`: `Connection`/`Upgrade` are part of the handshake. */
  upgrade?: boolean;
}

/** The origin's response headers as the browser gets them: hop-by-hop ones dropped, `Location` aimed at us. */
export function downstreamResponseHeaders(
  raw: HeaderList,
  options: DownstreamResponseHeaderOptions,
): string[] {
  const drop = options.upgrade ? undefined : hopByHopNames(raw);
  const mask = drop === HOP_BY_HOP ? DOWNSTREAM_LENGTHS : drop ? ANY_LENGTH : REWRITTEN_LENGTHS;
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    // Most names (Date, ETag, Content-Type…) cannot be one acted on here: passed without lower-casing.
    if (!mayBeOneOf(mask, name)) {
      out.push(name, value);
      continue;
    }
    const lower = name.toLowerCase();
    if (drop?.has(lower)) continue;
    if (lower === 'location') {
      out.push(name, rewriteLocation(value, options.upstreamOrigin, options.publicOrigin));
    } else if (lower === 'content-length' && options.lengthChange !== undefined) {
      if (typeof options.lengthChange === 'number' && /^\d+$/.test(value.trim())) {
        out.push(name, String(Number(value) + options.lengthChange));
      }
    } else if (!(options.dropEncoding && lower === 'content-encoding')) {
      out.push(name, value);
    }
  }
  return out;
}
