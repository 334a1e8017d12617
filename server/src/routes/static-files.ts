import { contentTag } from '../domain/etag.ts';

/** One built, code-free file as a route serves it: its text and the entity tag of that text. */
export interface StaticFile {
  body: string;
  etag: string;
}

/**
 * Built files the service serves as they are (the console's page, script and style; the client-sw
 * kit's files), by name. The entry decides where the bytes live: in the bundle or on disk (Node), in
 * the Worker's static assets (Workers). A file that is not there comes back as `problem`: what is
 * missing and what to run, which the route answers as 503.
 */
export type StaticFiles<Name extends string> = (name: Name) => Promise<StaticFile | { problem: string }>;

/** Files already in memory (bundled, or read at start): each tagged once, on first use. */
export function filesInMemory<Name extends string>(texts: Readonly<Record<Name, string>>): StaticFiles<Name> {
  return filesOnDemand(
    async (name) => texts[name],
    (name) => `${name} is not among this service's built files.`,
  );
}

/**
 * Files read when first asked for (the Worker's static assets): each is kept once read, since the
 * files of one deployment never change; a missing one is asked for again next time. Only finished
 * values are shared, never a pending read, so no request waits on another request's I/O.
 */
export function filesOnDemand<Name extends string>(
  read: (name: Name) => Promise<string | undefined>,
  missing: (name: Name) => string,
): StaticFiles<Name> {
  const kept = new Map<Name, StaticFile>();
  return async (name) => {
    const known = kept.get(name);
    if (known) return known;
    const body = await read(name);
    if (body === undefined) return { problem: missing(name) };
    const file = { body, etag: contentTag(body) };
    kept.set(name, file);
    return file;
  };
}
