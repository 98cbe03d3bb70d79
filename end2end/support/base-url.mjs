// The address of the portal under test, from BASE_URL. Imported by the
// harness, and run on its own by `npm test` (pretest) to stop early, once.

import { fileURLToPath } from 'node:url';

const HOW_TO_RUN =
  'Start the portal with the demo catalogue loaded, then run for example:\n' +
  '  cd end2end && BASE_URL=http://127.0.0.1:3000 npm test';

/** The origin in BASE_URL; prints why and exits if it is missing or not a URL. */
export function baseUrlFromEnvironment() {
  const raw = (process.env.BASE_URL ?? '').trim();
  if (!raw) stop(`BASE_URL is not set: the end-to-end tests need the address of a running portal.\n${HOW_TO_RUN}`);
  let url;
  try {
    url = new URL(raw);
  } catch {
    stop(`BASE_URL is not a valid URL: ${JSON.stringify(raw)}\n${HOW_TO_RUN}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    stop(`BASE_URL must be an http(s) address, got ${JSON.stringify(raw)}\n${HOW_TO_RUN}`);
  }
  return url.origin;
}

function stop(message) {
  console.error(message);
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`Testing the portal at ${baseUrlFromEnvironment()}`);
}
