// The Worker bundle replaces this module (scripts/build-worker.mjs): it reads the same texts from its
// static assets, so its bundle carries none of them.
import { STATUS_PAGE_SCRIPT, STATUS_PAGE_SCRIPT_SHA256 } from 'startup-help:status-page-script';
import { bundledOfflinePageAssets } from '../offline-page.ts';
import { THIN_CLIENT_DIALOG_CSS } from './console/preview/thin-client-dialog-style.ts';
import type { InlineAssets } from './inline-assets.ts';
import { sha256Source } from './status-page/sha256-source.ts';
import { STATUS_PAGE_CSS } from './status-page/status-page-style.ts';

let kept: Promise<InlineAssets> | undefined;

/** The inline scripts and style sheets as this bundle carries them (Node, tests). */
export function bundledInlineAssets(): Promise<InlineAssets> {
  kept ??= Promise.all([sha256Source(STATUS_PAGE_CSS), sha256Source(THIN_CLIENT_DIALOG_CSS)]).then(
    ([statusPageStyle, thinClientDialogStyle]) => ({
      offlinePage: bundledOfflinePageAssets(),
      statusPageScript: { text: STATUS_PAGE_SCRIPT, hash: `'sha256-${STATUS_PAGE_SCRIPT_SHA256}'` },
      statusPageStyle: { text: STATUS_PAGE_CSS, hash: statusPageStyle },
      thinClientDialogStyle: { text: THIN_CLIENT_DIALOG_CSS, hash: thinClientDialogStyle },
    }),
  );
  return kept;
}
