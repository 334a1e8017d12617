import { BaseKey } from '../contract/base-key.ts';

/**
 * The infobase a proxied path belongs to: its first segment (`/buh/ru_RU/` → `buh`), as 1C
 * publishes each base under its own folder. `undefined` when there is no segment or it cannot be a
 * base key; the friendly page then shows what every base gets (the defaults).
 */
export function baseKeyFromPath(pathname: string): string | undefined {
  const segment = pathname.split('/', 2)[1];
  if (!segment) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return BaseKey.safeParse(decoded).success ? decoded : undefined;
}
