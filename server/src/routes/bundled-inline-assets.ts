// The Worker bundle replaces this module (scripts/build-worker.mjs): it reads the same texts from its
// static assets, so its bundle carries none of them.
import { bundledOfflinePageAssets } from '../offline-page.ts';
import { THIN_CLIENT_DIALOG_CSS } from './console/preview/thin-client-dialog-style.ts';
import type { InlineAssets } from './inline-assets.ts';
import { sha256Source } from './status-page/sha256-source.ts';
import { STATUS_PAGE_CSS } from './status-page/status-page-style.ts';

let kept: Promise<InlineAssets> | undefined;

/** The inline scripts and style sheets as this bundle carries them (Node, tests). */
export function bundledInlineAssets(): Promise<InlineAssets> {
  kept ??= Promise.all([sha256Source(STATUS_PAGE_CSS), sha256Source(THIN_CLIENT_DIALOG_CSS)]).then(
    ([statusPage, thinClientDialog]) => ({
      offlinePage: bundledOfflinePageAssets(),
      statusPage: { css: STATUS_PAGE_CSS, hash: statusPage },
      thinClientDialog: { css: THIN_CLIENT_DIALOG_CSS, hash: thinClientDialog },
    }),
  );
  return kept;
}
