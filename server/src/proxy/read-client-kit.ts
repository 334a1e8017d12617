import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KIT_FILES } from '../../../contract/kit-files.ts';
import { type ClientKit, clientKitFromText } from './client-kit.ts';

/**
 * The Node side's adapter for the client-sw kit: reads the files `npm run build:sw` wrote. Returns
 * `undefined` when the kit has not been built, so the caller can say how to build it; the proxy
 * then passes pages through without the service worker script.
 */
export async function readClientKit(dir: string): Promise<ClientKit | undefined> {
  try {
    const { serviceWorker, register: registerFile, offlinePage, config: configFile } = KIT_FILES;
    const [sw, register, offline, config] = await Promise.all(
      [serviceWorker, registerFile, offlinePage, configFile].map((name) => readFile(join(dir, name), 'utf8')),
    );
    return clientKitFromText(
      { 'sw.js': sw as string, 'register-sw.js': register as string, 'offline.html': offline as string },
      JSON.parse(config as string) as Record<string, unknown>,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(
      `Cannot read the client-sw kit in ${dir}: ${(error as Error).message}. Run "npm run build:sw".`,
    );
  }
}
