import {
  PAGE_SCRIPT,
  PAGE_SCRIPT_SHA256,
  PAGE_STYLE,
  PAGE_STYLE_SHA256,
} from 'startup-help:offline-page-assets';
import type { OfflinePageAssets } from './render-offline-page.ts';

const BUNDLED: OfflinePageAssets = {
  script: PAGE_SCRIPT,
  style: PAGE_STYLE,
  scriptHash: `'sha256-${PAGE_SCRIPT_SHA256}'`,
  styleHash: `'sha256-${PAGE_STYLE_SHA256}'`,
};

/**
 * The offline page's script and style as this bundle carries them (the kit's build, the Node server,
 * tests). The Worker's build replaces this module: it reads the same files from its static assets.
 */
export function bundledOfflinePageAssets(): OfflinePageAssets {
  return BUNDLED;
}
