import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canInjectInto, createScriptInjector } from './inject-script.ts';

const SNIPPET = '<script src="/buh/register-sw.js" defer></script>';

async function inject(chunks: Uint8Array[]): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const out = await new Response(source.pipeThrough(createScriptInjector(SNIPPET))).arrayBuffer();
  return new Uint8Array(out);
}

async function injectText(html: string): Promise<string> {
  return new TextDecoder().decode(await inject([new TextEncoder().encode(html)]));
}

/** Cuts `bytes` at the given offsets (sorted, deduplicated, inside the array). */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let previous = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(previous, point));
    previous = point;
  }
  return chunks;
}

describe('createScriptInjector', () => {
  it('inserts before </head>', async () => {
    expect(await injectText('<html><head><title>1С</title></head><body>x</body></html>')).toBe(
      `<html><head><title>1С</title>${SNIPPET}</head><body>x</body></html>`,
    );
  });

  it('matches </HEAD > case-insensitively and with spaces before >', async () => {
    expect(await injectText('<HTML><HEAD></HEAD ><BODY></BODY></HTML>')).toBe(
      `<HTML><HEAD>${SNIPPET}</HEAD ><BODY></BODY></HTML>`,
    );
  });

  it('without </head>, inserts right after the <body …> start tag, quotes with > included', async () => {
    expect(await injectText('<body class="a>b" data-x=\'>\'><p>hi</p></body>')).toBe(
      `<body class="a>b" data-x='>'>${SNIPPET}<p>hi</p></body>`,
    );
  });

  it('without head or body, appends at the end', async () => {
    expect(await injectText('<p>fragment</p>')).toBe(`<p>fragment</p>${SNIPPET}`);
  });

  it('ignores </head> inside scripts, styles, titles, comments and attribute values', async () => {
    const html =
      '<head><script>document.write("</head><body>")</script><style>/* </head> */</style>' +
      '<title></head></title><!-- </head> <body> --><meta content="</head>"></head><body></body>';
    const out = await injectText(html);
    expect(out).toBe(html.replace('"></head>', `">${SNIPPET}</head>`));
    expect(out.split(SNIPPET)).toHaveLength(2);
  });

  it('does not take <bodyx> or <header> for <body> or </head>', async () => {
    expect(await injectText('<bodyx></header><body>')).toBe(`<bodyx></header><body>${SNIPPET}`);
  });

  it('leaves non-ASCII bytes (UTF-8 and windows-1251) exactly as they were', async () => {
    const cp1251 = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // «Привет» in windows-1251
    const head = new TextEncoder().encode('<head>');
    const tail = new TextEncoder().encode('</head>');
    const out = await inject([head, cp1251, tail]);
    const expected = new Uint8Array([...head, ...cp1251, ...new TextEncoder().encode(SNIPPET), ...tail]);
    expect(out).toEqual(expected);
  });

  it('gives the same bytes however the page is split into chunks (tags split across chunks)', async () => {
    const pages = [
      '<!doctype html><html><head><meta charset="utf-8"><title>Бухгалтерия</title></head><body><p>Привет</p></body></html>',
      '<html><body data-a="x" onload="f()"><div>1С:Предприятие</div></body></html>',
      '<html><head><script>if (a < b) { s = "</head>"; }</script></head></html>',
      '<div>нет головы</div><span>',
      '<!--x--><BODY\n>z',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pages),
        fc.array(fc.nat({ max: 400 }), { maxLength: 12 }),
        async (page, offsets) => {
          const bytes = new TextEncoder().encode(page);
          const whole = await inject([bytes]);
          const split = await inject(cut(bytes, offsets));
          expect(split).toEqual(whole);
          const text = new TextDecoder().decode(split);
          expect(text.split(SNIPPET)).toHaveLength(2);
          expect(text.replace(SNIPPET, '')).toBe(page);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes for any chunking of any mix of tags, quotes, comments and raw text', async () => {
    const pieces = [
      '<',
      '>',
      '/',
      '!',
      '?',
      '-',
      '"',
      "'",
      '=',
      ' ',
      'a',
      'HEAD',
      'head',
      'body',
      'Body',
      'script',
      'style',
      'title',
      'textarea',
      'noscript',
      'xmp',
      'header',
      '</',
      '<!--',
      '-->',
      'ф',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
        fc.array(fc.nat({ max: 200 }), { maxLength: 8 }),
        async (parts, offsets) => {
          const page = parts.join('');
          const bytes = new TextEncoder().encode(page);
          const whole = await inject([bytes]);
          expect(await inject(cut(bytes, offsets))).toEqual(whole);
          const text = new TextDecoder().decode(whole);
          expect(text.split(SNIPPET)).toHaveLength(2);
          expect(text.replace(SNIPPET, '')).toBe(page);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds </head> split at every byte, after quoted values, comments and raw text', async () => {
    const page =
      '<head><title>a</b></title><!-- </head> --><meta content="x>y"><style>p{}</style></head><body>';
    const at = page.indexOf('</head><body>');
    const bytes = new TextEncoder().encode(page);
    for (let i = 1; i < bytes.length; i++) {
      const out = new TextDecoder().decode(await inject([bytes.slice(0, i), bytes.slice(i)]));
      expect(out).toBe(`${page.slice(0, at)}${SNIPPET}${page.slice(at)}`);
    }
  });

  it('forwards bytes as it scans instead of waiting for the end of the page', async () => {
    const injector = createScriptInjector(SNIPPET);
    const writer = injector.writable.getWriter();
    const reader = injector.readable.getReader();
    void writer.write(new TextEncoder().encode('<html><head><title>t</title>'));
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('<html><head><title>t</title>');
    void writer.write(new TextEncoder().encode('</head>'));
    void writer.close();
    let rest = '';
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      rest += new TextDecoder().decode(next.value);
    }
    expect(rest).toBe(`${SNIPPET}</head>`);
  });
});

describe('canInjectInto', () => {
  it('accepts HTML in ASCII-compatible charsets only', () => {
    expect(canInjectInto('text/html')).toBe(true);
    expect(canInjectInto('text/html; charset=utf-8')).toBe(true);
    expect(canInjectInto('TEXT/HTML;charset="windows-1251"')).toBe(true);
    expect(canInjectInto('text/html; charset=UTF-16LE')).toBe(false);
    expect(canInjectInto('application/javascript')).toBe(false);
    expect(canInjectInto('application/json')).toBe(false);
    expect(canInjectInto('text/plain')).toBe(false);
    expect(canInjectInto(null)).toBe(false);
  });
});
