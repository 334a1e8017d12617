import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import { type ScriptInjector, scriptInjector } from './inject-script.ts';

type Decoder = () => Transform;

/** Content encodings Node can take off an HTML page before the tag goes in. */
const DECODERS: Readonly<Record<string, Decoder>> = {
  gzip: zlib.createGunzip,
  'x-gzip': zlib.createGunzip,
  deflate: zlib.createInflate,
  br: zlib.createBrotliDecompress,
  // zstd arrived in Node 23.8 (still marked experimental); the injection is skipped where it is missing.
  ...('createZstdDecompress' in zlib
    ? { zstd: (zlib as unknown as { createZstdDecompress: Decoder }).createZstdDecompress }
    : {}),
};

export const DECODABLE: ReadonlySet<string> = new Set(Object.keys(DECODERS));

/** The shared byte-level rewrite as a Node Transform (after a decoder). */
function injectorStream(injector: ScriptInjector): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      injector.write(chunk, (bytes) => this.push(bytes));
      done();
    },
    flush(done) {
      injector.end((bytes) => this.push(bytes));
      done();
    },
  });
}

/**
 * An HTML page from the origin into the response with the tag inserted, decoded first when it came
 * compressed (the browser then gets it plain: the headers said so). A broken stream on either side
 * ends the other, so the 1C server is not kept sending to nobody.
 */
export function decodeAndInject(
  page: IncomingMessage,
  encoding: string | undefined,
  tag: string,
  res: ServerResponse,
): void {
  const injector = scriptInjector(tag);
  const decoder = encoding === undefined ? undefined : DECODERS[encoding];
  if (decoder) {
    pipeline(page, decoder(), injectorStream(injector), res, () => {});
    return;
  }
  // Plain pages (nearly all) skip the stream machinery: each chunk goes through the scanner and out
  // as one write (the tag's insertion makes three pieces of it).
  const pieces: Uint8Array[] = [];
  const out = {
    collect(bytes: Uint8Array) {
      pieces.push(bytes);
    },
    flush(): boolean {
      const bytes = pieces.length === 1 ? (pieces[0] as Uint8Array) : Buffer.concat(pieces);
      pieces.length = 0;
      return bytes.length === 0 || res.write(bytes);
    },
  };
  page.on('data', (chunk: Buffer) => {
    injector.write(chunk, out.collect);
    if (out.flush()) return;
    page.pause();
    res.once('drain', () => page.resume());
  });
  page.once('end', () => {
    injector.end(out.collect);
    out.flush();
    res.end();
  });
  page.once('error', () => res.destroy());
  res.once('close', () => {
    if (!page.complete) page.destroy();
  });
}
