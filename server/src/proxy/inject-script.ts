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

const EQUALS = 0x3d;
const QUESTION = 0x3f;

/** Where the scanner is: plain integers, so a page load allocates nothing per tag it passes. */
const TEXT = 0;
/** After `<` (or `</`): reading the tag name, which stays in the chunk (see `held`). */
const OPEN = 1;
/**
 * Inside a tag's attributes. A quote only opens a value right after `=`, as in HTML (`a=b"c` is an
 * unquoted value containing a quote).
 */
const TAG = 2;
const COMMENT = 3;
/** Inside a `<!…>` declaration or `<?…>` instruction other than a comment. */
const BOGUS = 4;
/** Inside a raw-text element, looking for `</name`. */
const RAW = 5;

/** The element names the scanner acts on: `head`, `body`, then the raw-text elements. */
const HEAD = 0;
const BODY = 1;
const FIRST_RAW = 2;
const ELEMENTS = ['head', 'body', 'script', 'style', 'textarea', 'title', 'xmp', 'noscript'].map((name) =>
  Uint8Array.from(name, (char) => char.charCodeAt(0)),
);
/** `</name` of each raw-text element, indexed like ELEMENTS. */
const CLOSERS = ELEMENTS.map((name) => Uint8Array.of(LT, SLASH, ...name));
/** Longest name we ever need to recognise; longer names are just "some other tag". */
const MAX_NAME = 10;
const EMPTY = new Uint8Array(0);

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
  let mode = TEXT;
  let done = false;
  /** Bytes of an undecided `<name` held back from an earlier chunk. */
  let held: Uint8Array = EMPTY;
  // OPEN: a `</` tag; TAG: the quote a value is in (0: none), `=` just seen, what its `>` does.
  let closing = false;
  let quote = 0;
  let afterEquals = false;
  let injectAfterTag = false;
  let rawAfterTag = -1;
  // COMMENT: dashes in a row (< 0: still reading the `--` of `<!--`); RAW: how much of `</name` matched.
  let dashes = 0;
  let closer: Uint8Array = EMPTY;
  let matched = 0;

  const enterTag = (inject: boolean, raw: number) => {
    mode = TAG;
    quote = 0;
    afterEquals = false;
    injectAfterTag = inject;
    rawAfterTag = raw;
  };
  /** After a start tag's `>`: a raw-text element's content, or text. */
  const afterTag = (raw: number) => {
    mode = raw >= 0 ? RAW : TEXT;
    closer = raw >= 0 ? (CLOSERS[raw] as Uint8Array) : EMPTY;
    matched = 0;
  };

  return {
    write(chunk, emit) {
      if (done) return void emit(chunk);
      const bytes = held.length > 0 ? concat(held, chunk) : chunk;
      held = EMPTY;
      const length = bytes.length;
      /** Where the current `<` began (for inserting before `</head`), and its name's first byte. */
      let tagStart = -1;
      let nameStart = -1;

      for (let i = 0; i < length; i++) {
        const byte = bytes[i] as number;
        switch (mode) {
          case TEXT: {
            // Only `<` matters in text: jump to it (a native search, not a byte-by-byte loop).
            const next = find(bytes, LT, i);
            if (next < 0) i = length;
            else {
              i = next;
              mode = OPEN;
              closing = false;
              tagStart = next;
              nameStart = -1;
            }
            break;
          }
          case OPEN:
            if (nameStart < 0) {
              if (!closing && byte === SLASH) closing = true;
              else if (!closing && (byte === BANG || byte === QUESTION)) {
                mode = byte === BANG ? COMMENT : BOGUS;
                dashes = -2;
              } else if (isAsciiLetter(byte)) nameStart = i;
              else if (byte === LT) tagStart = i;
              // `<` not followed by a tag name is text (`a < b`).
              else mode = TEXT;
            } else if (isTagNameByte(byte)) {
              // Longer than any name we look for: some other tag, decided now (keeps `held` short).
              if (i - nameStart >= MAX_NAME) enterTag(false, -1);
            } else {
              const element = elementAt(bytes, nameStart, i - nameStart);
              if (closing && element === HEAD) {
                done = insert(bytes, tagStart, snippetBytes, emit);
                return;
              }
              const inject = !closing && element === BODY;
              const raw = !closing && element >= FIRST_RAW ? element : -1;
              if (byte !== GT) enterTag(inject, raw);
              else if (inject) {
                done = insert(bytes, i + 1, snippetBytes, emit);
                return;
              } else afterTag(raw);
            }
            break;
          case TAG:
            if (quote !== 0) {
              const end = find(bytes, quote, i);
              if (end < 0) i = length;
              else {
                i = end;
                quote = 0;
              }
              break;
            }
            if (afterEquals && (byte === DQUOTE || byte === SQUOTE)) {
              quote = byte;
              afterEquals = false;
            } else if (byte === EQUALS) afterEquals = true;
            else if (!isSpace(byte)) afterEquals = false;
            if (quote === 0 && byte === GT) {
              if (injectAfterTag) {
                done = insert(bytes, i + 1, snippetBytes, emit);
                return;
              }
              afterTag(rawAfterTag);
            }
            break;
          case COMMENT:
            if (dashes < 0) {
              if (byte === DASH) dashes++;
              else mode = byte === GT ? TEXT : BOGUS;
            } else if (byte === DASH) dashes++;
            else if (byte === GT && dashes >= 2) mode = TEXT;
            else if (dashes === 0) {
              // Inside the comment only a dash can start its end.
              const next = find(bytes, DASH, i);
              i = next < 0 ? length : next - 1;
            } else dashes = 0;
            break;
          case BOGUS: {
            const next = find(bytes, GT, i);
            if (next < 0) i = length;
            else {
              i = next;
              mode = TEXT;
            }
            break;
          }
          case RAW:
            if (matched === closer.length) {
              // `</script` must be followed by a delimiter to end the element.
              if (byte === GT) mode = TEXT;
              else if (byte === SLASH || isSpace(byte)) enterTag(false, -1);
              else matched = 0;
            } else if (lower(byte) === closer[matched]) matched++;
            else if (byte === LT) matched = 1;
            else if (matched > 0) matched = 0;
            else {
              // Nothing matched yet: only a `<` can start `</name`.
              const next = find(bytes, LT, i);
              i = next < 0 ? length : next - 1;
            }
            break;
        }
      }

      // Hold back an undecided `<name` (at most MAX_NAME + 2 bytes) so `</he` + `ad>` across chunks
      // still inserts before the `<`; it is rescanned from text with the next chunk.
      if (mode === OPEN) {
        held = bytes.slice(tagStart);
        mode = TEXT;
        if (tagStart > 0) emit(bytes.subarray(0, tagStart));
      } else if (length > 0) {
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

/** The first `byte` in `bytes` at or after `from`, or -1: a plain loop, cheaper than a native call for the short gaps between tags. */
function find(bytes: Uint8Array, byte: number, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] === byte) return i;
  return -1;
}

/** Which of ELEMENTS the `length` bytes at `start` name (any case), or -1. */
function elementAt(bytes: Uint8Array, start: number, length: number): number {
  search: for (let element = 0; element < ELEMENTS.length; element++) {
    const name = ELEMENTS[element] as Uint8Array;
    if (name.length !== length) continue;
    for (let k = 0; k < length; k++) {
      if (lower(bytes[start + k] as number) !== name[k]) continue search;
    }
    return element;
  }
  return -1;
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

function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
