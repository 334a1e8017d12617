import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium: playwright-core ships no browser and nothing may be downloaded here. */
const EXECUTABLE_PATH = '/usr/bin/chromium';

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

type LaunchOptions = NonNullable<Parameters<typeof chromium.launch>[0]>;
type PersistentOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ ...options, executablePath: EXECUTABLE_PATH, args: CHROMIUM_ARGS });
}

/** A browser with its profile in `dir` (service workers and caches survive between pages there). */
export function launchPersistentChromium(
  dir: string,
  options: PersistentOptions = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    ...options,
    executablePath: EXECUTABLE_PATH,
    args: CHROMIUM_ARGS,
  });
}
