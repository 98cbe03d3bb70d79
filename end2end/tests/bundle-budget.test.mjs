// What a citizen's phone downloads to make a page interactive: the
// WebAssembly and JavaScript of the browser bundle, at most 250 KiB gzip on
// any page a citizen opens (most pages have no interactive part and load
// none of it), and nothing at all with JavaScript off. Sizes are
// deterministic, so this is a check, not a timing: it prints each page's
// figure and fails above the budget.

import assert from 'node:assert/strict';
import { get } from 'node:http';
import { scenario } from '../support/portal.mjs';
import { signInAs } from '../support/accounts.mjs';

const BUDGET_BYTES = 250 * 1024;

const PUBLIC_PAGES = ['/', '/thu-tuc?q=khai+sinh', '/thu-tuc/1.001193', '/tra-cuu', '/tro-ly', '/hoi-dap'];
const CITIZEN_PAGES = ['/nop-ho-so/1.001193', '/ho-so', '/tai-khoan/giay-to'];

/** The bytes the server sends for `url` to a browser that accepts gzip only. */
function gzipBytes(url) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => { bytes += chunk.length; });
      response.on('end', () => resolve({ bytes, encoding: response.headers['content-encoding'], cache: response.headers['cache-control'], status: response.statusCode }));
    }).on('error', reject);
  });
}

scenario('Every page a citizen opens stays within the 250 KiB bundle budget, and loads no bundle with JavaScript off', async (portal) => {
  const { page } = portal;
  const rows = [];
  const measure = async (path) => {
    const bundle = new Set();
    const onRequest = (request) => {
      const url = new URL(request.url());
      if (/^\/pkg\/.*\.(js|wasm)$/.test(url.pathname)) bundle.add(url.href);
    };
    page.on('request', onRequest);
    await portal.open(path);
    page.off('request', onRequest);
    if (!portal.javaScriptEnabled) {
      assert.deepEqual([...bundle], [], `${path}: nothing of the bundle is fetched with JavaScript off`);
      return;
    }
    let total = 0;
    for (const href of bundle) {
      const { bytes, encoding, cache, status } = await gzipBytes(href);
      assert.equal(status, 200, href);
      assert.equal(encoding, 'gzip', `${href} is sent from its gzip copy`);
      assert.match(cache, /immutable/, `${href} has a content name and is kept for good`);
      total += bytes;
    }
    rows.push({ path, files: bundle.size, kib: (total / 1024).toFixed(1) });
    assert.ok(total <= BUDGET_BYTES, `${path}: ${(total / 1024).toFixed(1)} KiB gzip of WebAssembly and JavaScript, over the ${BUDGET_BYTES / 1024} KiB budget`);
  };

  for (const path of PUBLIC_PAGES) await measure(path);
  await signInAs(portal, 'congdan@motcua.example');
  for (const path of CITIZEN_PAGES) await measure(path);

  if (portal.javaScriptEnabled) {
    console.log(`\nBrowser bundle per page (gzip, budget ${BUDGET_BYTES / 1024} KiB):`);
    console.table(rows);
    assert.ok(rows.some((row) => row.files > 0), 'the filing page does load the bundle: the check measures something');
  }
});
