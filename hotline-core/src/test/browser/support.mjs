// Shared by the browser scripts: headless Debian Chromium, and a watch on a page that collects every page
// error, CSP violation, unexpected failed request and request leaving the node under test.
import { chromium } from 'playwright-core';

/** Headless Chromium at CHROMIUM_PATH (default /usr/bin/chromium), without network side traffic. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Adds to `problems` what goes wrong on `page`: console errors (except those of requests `expected(path, status)`
 * allows), page errors, responses of 400 and above not expected, and requests to anywhere but `base`.
 */
export function watch(page, base, problems, expected) {
  const path = (url) => url.replace(base, '').split('?')[0];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !expected(path(r.url()), r.status())) {
      problems.push(`HTTP ${r.status()} for ${path(r.url())}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => { if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`); });
  return page;
}
