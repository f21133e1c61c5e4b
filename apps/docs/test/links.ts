// Internal links of the built site: every href to this origin must name a file the site has, and every
// #anchor an element id of the page it points to (as the static HTML renders it).
import { readFileSync } from 'node:fs';
import { fileFor } from './static-server.js';

/** One broken link: the page it is on, the href, and why. */
export interface BrokenLink {
  readonly page: string;
  readonly href: string;
  readonly reason: string;
}

const idsCache = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => decodeHtml(m[1]!)));
    idsCache.set(file, ids);
  }
  return ids;
}

function decodeHtml(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Checks `hrefs` (absolute URLs, as the browser resolved them) found on `page` against the site in `root`. */
export function checkLinks(root: string, origin: string, page: string, hrefs: readonly string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    const file = fileFor(root, url.pathname);
    if (!file) {
      broken.push({ page, href, reason: 'no such file' });
      continue;
    }
    const anchor = decodeURIComponent(url.hash.slice(1));
    if (anchor && file.endsWith('.html') && !idsOf(file).has(anchor)) broken.push({ page, href, reason: `no element with id "${anchor}"` });
  }
  return broken;
}
