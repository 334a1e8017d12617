/**
 * A streaming HTML rewrite that inserts one snippet (our `<script src=…/register-sw.js>`) into a
 * page: before `</head>`, else right after the `<body …>` start tag, else at the end.
 *
 * It works on bytes, not text. Every marker it looks for is ASCII, and in every ASCII-compatible
 * charset (UTF-8, windows-1251, KOI8-R, ISO-8859-x) those bytes mean the same characters and never
 * occur inside a multi-byte sequence; so nothing is decoded or re-encoded, the page's own bytes pass
 * through untouched, and a page in windows-1251 stays windows-1251 (TextEncoder could only write
 * UTF-8). The one family where this does not hold, UTF-16/32, is excluded by `canInjectInto`.
 *
 * A single TransformStream rather than HTMLRewriter on Workers: the same code path runs on Node and
 * Workers, so the tests of one prove the other.
 *
 * Raw-text elements (`<script>`, `<style>`, `<textarea>`, `<title>`, `<xmp>`, `<noscript>`),
 * comments and quoted attribute values are skipped, so a `'</head>'` inside an inline script is not
 * mistaken for the real one. Only the bytes of an undecided tag name (at most a few) are held back
 * between chunks; everything else is forwarded as soon as it is scanned, and after the insertion
 * the rest of the body is piped without scanning.
 */

const LT = 0x3c; // <
const GT = 0x3e; // >
const BANG = 0x21; // !
const SLASH = 0x2f; // /
const DASH = 0x2d; // -
const DQUOTE = 0x22;
const SQUOTE = 0x27;

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);
/** Longest name we ever need to recognise; longer names are just "some other tag". */
const MAX_NAME = 10;

type State =
  | { kind: 'text' }
  /** After `<` (or `</`): collecting the tag name. */
  | { kind: 'open'; closing: boolean; name: string }
  /**
   * Inside a tag's attributes; `inject` = insert right after its `>`. A quote only opens a value
   * right after `=`, as in HTML (`a=b"c` is an unquoted value containing a quote).
   */
  | { kind: 'tag'; quote: number; afterEquals: boolean; inject: boolean; rawText: string | undefined }
  | { kind: 'comment'; dashes: number }
  /** Inside a `<!…>` declaration or `<?…>` instruction other than a comment. */
  | { kind: 'bogus' }
  /** Inside a raw-text element, looking for `</name`. */
  | { kind: 'raw'; name: string; matched: number };

function isAsciiLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

function isTagNameByte(byte: number): boolean {
  return isAsciiLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte === DASH;
}

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

/**
 * Only ASCII-compatible charsets are safe to scan byte-wise (see the file comment); an HTML body
 * with no charset is UTF-8 or an ASCII-compatible legacy encoding in practice.
 */
export function canInjectInto(contentType: string | null): boolean {
  if (!contentType) return false;
  const lowered = contentType.toLowerCase();
  // The common answer of every web server, decided without taking the value apart.
  if (lowered === 'text/html' || lowered === 'text/html; charset=utf-8') return true;
  const [mediaType, ...params] = lowered.split(';');
  if (mediaType?.trim() !== 'text/html') return false;
  const charset = params
    .map((param) => param.trim())
    .find((param) => param.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return !charset || !/^(utf-?16|utf-?32|ucs-?2)/.test(charset);
}

/** Hands on a piece of the rewritten body. */
export type Emit = (bytes: Uint8Array) => void;

/** The rewrite itself, free of any stream type: Node's streams and Web streams wrap the same one. */
export interface ScriptInjector {
  /** Scans `chunk` and emits what is decided (all of it, except a few bytes of an unfinished tag name). */
  write(chunk: Uint8Array, emit: Emit): void;
  /** The body ended: emits what was held back, and the snippet if no place for it was found. */
  end(emit: Emit): void;
}

/** A TransformStream that inserts `snippet` (UTF-8/ASCII) once into an HTML byte stream. */
export function createScriptInjector(snippet: string): TransformStream<Uint8Array, Uint8Array> {
  const injector = scriptInjector(snippet);
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      injector.write(chunk, (bytes) => controller.enqueue(bytes));
    },
    flush(controller) {
      injector.end((bytes) => controller.enqueue(bytes));
    },
  });
}

const encoder = new TextEncoder();
/** Snippets differ per base only: encoded once each (bounded, as base names come from request paths). */
const encoded = new Map<string, Uint8Array>();

function encodedSnippet(snippet: string): Uint8Array {
  let bytes = encoded.get(snippet);
  if (!bytes) {
    if (encoded.size >= 256) encoded.clear();
    bytes = encoder.encode(snippet);
    encoded.set(snippet, bytes);
  }
  return bytes;
}

/** Inserts `snippet` (UTF-8/ASCII) once into an HTML byte stream fed to it chunk by chunk. */
export function scriptInjector(snippet: string): ScriptInjector {
  const snippetBytes = encodedSnippet(snippet);
  let state: State = { kind: 'text' };
  let done = false;
  /** Bytes of an undecided `<name` held back from an earlier chunk. */
  let held: Uint8Array = new Uint8Array(0);

  return {
    write(chunk, emit) {
      if (done) {
        emit(chunk);
        return;
      }
      const bytes = held.length > 0 ? concat(held, chunk) : chunk;
      held = new Uint8Array(0);
      /** Where the current `<` began (for inserting before `</head`). */
      let tagStart = -1;

      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i] as number;
        switch (state.kind) {
          case 'text':
            if (byte === LT) {
              state = { kind: 'open', closing: false, name: '' };
              tagStart = i;
            }
            break;
          case 'open': {
            if (state.name === '' && !state.closing && byte === SLASH) {
              state = { kind: 'open', closing: true, name: '' };
            } else if (state.name === '' && !state.closing && (byte === BANG || byte === 0x3f)) {
              state = byte === BANG ? { kind: 'comment', dashes: -2 } : { kind: 'bogus' };
            } else if (isTagNameByte(byte) && (state.name !== '' || isAsciiLetter(byte))) {
              state.name += String.fromCharCode(lower(byte));
              // Longer than any name we look for: some other tag, decided now (keeps `held` short).
              if (state.name.length > MAX_NAME) state = tag(false, undefined);
            } else if (state.name === '') {
              // `<` not followed by a tag name is text (`a < b`).
              state = byte === LT ? state : { kind: 'text' };
              if (byte === LT) tagStart = i;
            } else {
              const { name, closing } = state;
              if (closing && name === 'head') {
                done = insert(bytes, tagStart, snippetBytes, emit);
                return;
              }
              const inject = !closing && name === 'body';
              const rawText = !closing && RAW_TEXT.has(name) ? name : undefined;
              if (byte === GT) {
                if (inject) {
                  done = insert(bytes, i + 1, snippetBytes, emit);
                  return;
                }
                state = rawText ? { kind: 'raw', name: rawText, matched: 0 } : { kind: 'text' };
              } else {
                state = tag(inject, rawText);
              }
            }
            break;
          }
          case 'tag':
            if (state.quote !== 0) {
              if (byte === state.quote) state.quote = 0;
            } else if (state.afterEquals && (byte === DQUOTE || byte === SQUOTE)) {
              state.quote = byte;
              state.afterEquals = false;
            } else if (byte === 0x3d) {
              state.afterEquals = true;
            } else if (!isSpace(byte)) {
              state.afterEquals = false;
            }
            if (state.quote === 0 && byte === GT) {
              if (state.inject) {
                done = insert(bytes, i + 1, snippetBytes, emit);
                return;
              }
              state = state.rawText ? { kind: 'raw', name: state.rawText, matched: 0 } : { kind: 'text' };
            }
            break;
          case 'comment':
            // dashes < 0: still reading the `--` of `<!--`; anything else there makes it a declaration.
            if (state.dashes < 0) {
              if (byte === DASH) state.dashes++;
              else state = byte === GT ? { kind: 'text' } : { kind: 'bogus' };
            } else if (byte === DASH) {
              state.dashes++;
            } else if (byte === GT && state.dashes >= 2) {
              state = { kind: 'text' };
            } else {
              state.dashes = 0;
            }
            break;
          case 'bogus':
            if (byte === GT) state = { kind: 'text' };
            break;
          case 'raw': {
            const closer = `</${state.name}`;
            if (state.matched === closer.length) {
              // `</script` must be followed by a delimiter to end the element.
              if (byte === GT || byte === SLASH || isSpace(byte)) {
                state = byte === GT ? { kind: 'text' } : tag(false, undefined);
              } else {
                state.matched = 0;
              }
            } else if (lower(byte) === closer.charCodeAt(state.matched)) {
              state.matched++;
            } else {
              state.matched = byte === LT ? 1 : 0;
            }
            break;
          }
        }
      }

      // Hold back an undecided `<name` (at most MAX_NAME + 2 bytes) so `</he` + `ad>` across chunks
      // still inserts before the `<`; it is rescanned from `text` with the next chunk.
      if (state.kind === 'open') {
        held = bytes.slice(tagStart);
        state = { kind: 'text' };
        if (tagStart > 0) emit(bytes.subarray(0, tagStart));
      } else if (bytes.length > 0) {
        emit(bytes);
      }
    },
    end(emit) {
      if (done) return;
      // No `</head>` and no `<body>` (a fragment, or a page cut short): append at the end.
      if (held.length > 0) emit(held);
      emit(snippetBytes);
    },
  };
}

/**
 * Emits `bytes` with `snippet` at `at`; returns true (the insertion is done). A module-level
 * function, not a closure per chunk: this runs for every page load.
 */
function insert(bytes: Uint8Array, at: number, snippet: Uint8Array, emit: Emit): true {
  if (at > 0) emit(bytes.subarray(0, at));
  emit(snippet);
  if (at < bytes.length) emit(bytes.subarray(at));
  return true;
}

function tag(inject: boolean, rawText: string | undefined): State {
  return { kind: 'tag', quote: 0, afterEquals: false, inject, rawText };
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
