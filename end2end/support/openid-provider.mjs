#!/usr/bin/env node
// A stand-in for VNeID, Vietnam's national identity provider, for the portal's
// tests (the Rust integration tests and the browser end-to-end tests).
//
// It runs the real, certified OpenID Connect provider from npm
// (`oidc-provider`) rather than a hand-written fake, so the portal is tested
// against a provider that does discovery, PKCE, client authentication,
// sessions, RP-initiated logout and ID token signing the way a conforming one
// does. What is ours is only what VNeID would decide: who the citizen is (a
// login form where the test types the claims), which clients exist, and a few
// clients that deliberately misbehave so the portal's checks of the ID token
// can be tested.
//
//   node end2end/support/openid-provider.mjs [--port N] [--key-id KID]
//        --redirect-uri URI [--redirect-uri URI]...
//        [--post-logout-redirect-uri URI]...
//
// When it listens it prints exactly one line to stdout,
//   {"issuer":"http://127.0.0.1:PORT","port":PORT}
// and nothing else ever goes to stdout: the parent reads that line to learn
// the issuer. Diagnostics go to stderr. SIGTERM or SIGINT stop it cleanly, and
// it stops by itself when the process that started it goes away.

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';

import { CompactSign, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

// The parent reads stdout for the one ready line. oidc-provider prints some
// notices with console.info (to stdout), so every console method that would
// write to stdout is sent to stderr instead.
for (const method of ['log', 'info', 'debug']) {
  console[method] = (...args) => console.error(...args);
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

const USAGE = 'usage: node end2end/support/openid-provider.mjs [--port N] [--key-id KID] '
  + '--redirect-uri URI [--redirect-uri URI]... [--post-logout-redirect-uri URI]...';

function fail(message) {
  process.stderr.write(`openid-provider: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'key-id': { type: 'string', default: 'first' },
      'redirect-uri': { type: 'string', multiple: true, default: [] },
      'post-logout-redirect-uri': { type: 'string', multiple: true, default: [] },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (err) {
  fail(err.message);
}

const requestedPort = Number(options.port);
if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
  fail(`--port must be a port number (0 for a free one), got ${JSON.stringify(options.port)}`);
}
const keyId = options['key-id'];
if (!keyId) fail('--key-id must not be empty');
const redirectUris = options['redirect-uri'];
const postLogoutRedirectUris = options['post-logout-redirect-uri'];
// oidc-provider refuses a code-flow client without a redirect URI.
if (redirectUris.length === 0) fail('at least one --redirect-uri is required');

// ---------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------

// A fresh key pair on every start, named by --key-id: a test simulates VNeID
// rotating its signing key by restarting the provider with another key id,
// and the portal must then fetch the JWKS again.
const { privateKey: signingKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(signingKey)), kid: keyId, alg: 'RS256', use: 'sig' };

// A key that is never put in the JWKS, for the client whose ID tokens the
// portal must reject because no published key verifies them.
const { privateKey: unpublishedKey } = await generateKeyPair('RS256');
const UNPUBLISHED_KID = 'never-published';

// ---------------------------------------------------------------------------
// Listening
// ---------------------------------------------------------------------------

// The issuer has to contain the port, so the socket is bound first (port 0 =
// any free port) and the provider is built for the port actually bound.
const server = http.createServer();

// A test that kills the provider and restarts it on the same port may start
// the new one before the kernel has released the old listening socket; retry
// a port given explicitly for a few seconds instead of failing at once.
async function listen(port) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      return server.address().port;
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || port === 0 || attempt >= 100) throw err;
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
  }
}

let port;
try {
  port = await listen(requestedPort);
} catch (err) {
  process.stderr.write(`openid-provider: cannot listen on 127.0.0.1:${requestedPort}: ${err.message}\n`);
  process.exit(1);
}
// Exactly this form, no trailing slash: the portal compares `iss` with it.
const issuer = `http://127.0.0.1:${port}`;

// ---------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------

// What the test typed on the login page, by subject (the `sub` claim). VNeID
// would look these up in the national population database; here the test is
// the database. Kept in memory: a restart forgets every citizen and session.
const citizens = new Map();

// oidc-provider asks for an account by id whenever it builds an ID token or a
// userinfo response. Claims left empty on the form are simply absent, so a
// test can also play a VNeID account that lacks one of them.
async function findAccount(ctx, id) {
  const typed = citizens.get(id) ?? {};
  return {
    accountId: id,
    async claims() {
      const claims = { sub: id };
      if (typed.full_name) claims.name = typed.full_name;
      if (typed.birthdate) claims.birthdate = typed.birthdate;
      if (typed.citizen_id) claims.so_dinh_danh = typed.citizen_id;
      return claims;
    },
  };
}

// ---------------------------------------------------------------------------
// Pages (plain server-rendered HTML: they work without JavaScript, and the
// browser tests run with JavaScript both on and off)
// ---------------------------------------------------------------------------

function escapeHtml(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – VNeID (mô phỏng)</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}
input,select{display:block;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;font-size:1rem}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}
.error{color:#a00000;border:2px solid #a00000;padding:.5rem}
.note{color:#444}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function loginPage({ uid, clientId, values = {}, error }) {
  const acr = values.acr === 'LoA1' ? 'LoA1' : 'LoA2';
  const field = (name, label, extra = '') => `<label for="${name}">${label}</label>
<input id="${name}" name="${name}" type="text" value="${escapeHtml(values[name])}"${extra}>`;
  return page('Đăng nhập', `<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
<p class="note">Máy chủ định danh mô phỏng VNeID dùng cho kiểm thử. Ứng dụng yêu cầu: <strong>${escapeHtml(clientId)}</strong></p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
${field('subject', 'Mã định danh tài khoản (sub)', ' required autocomplete="off"')}
${field('citizen_id', 'Số định danh cá nhân', ' inputmode="numeric" autocomplete="off"')}
${field('full_name', 'Họ và tên', ' autocomplete="off"')}
${field('birthdate', 'Ngày sinh (YYYY-MM-DD)', ' autocomplete="off"')}
<label for="acr">Mức độ định danh</label>
<select id="acr" name="acr">
<option value="LoA1"${acr === 'LoA1' ? ' selected' : ''}>LoA1</option>
<option value="LoA2"${acr === 'LoA2' ? ' selected' : ''}>LoA2</option>
</select>
<button type="submit">Đăng nhập</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort">
<button type="submit">Hủy</button>
</form>`);
}

// Called by oidc-provider for the RP-initiated logout confirmation. `form` is
// its own form (id "op.logoutForm", POST to the end_session confirm route,
// with the hidden anti-forgery field `xsrf`); the button goes inside it, so the
// page needs no JavaScript. `logout=yes` ends the whole VNeID session.
async function logoutSource(ctx, form) {
  const button = '<button type="submit" name="logout" value="yes" autofocus>Đăng xuất</button>';
  const clientName = ctx.oidc.client?.clientName || ctx.oidc.client?.clientId;
  ctx.type = 'html';
  ctx.body = page('Đăng xuất', `<h1>Đăng xuất khỏi VNeID?</h1>
${clientName ? `<p>Ứng dụng <strong>${escapeHtml(clientName)}</strong> yêu cầu đăng xuất.</p>` : ''}
${form.replace('</form>', `${button}</form>`)}`);
}

// Shown after a logout that named no post_logout_redirect_uri.
async function postLogoutSuccessSource(ctx) {
  ctx.type = 'html';
  ctx.body = page('Đã đăng xuất', '<h1>Bạn đã đăng xuất khỏi VNeID.</h1>');
}

async function renderError(ctx, out, error) {
  process.stderr.write(`openid-provider: ${out.error}: ${out.error_description ?? ''}${error?.stack && !error.expose ? `\n${error.stack}` : ''}\n`);
  ctx.type = 'html';
  ctx.body = page('Lỗi', `<h1>Đã xảy ra lỗi</h1>
<p><strong>${escapeHtml(out.error)}</strong>: ${escapeHtml(out.error_description)}</p>`);
}

// ---------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------

const CLIENT_SECRET = 'motcua-test-secret';

// Clients whose ID token the token endpoint replaces after oidc-provider has
// issued a correct one, to play a broken or hostile provider. Each function
// gets the decoded header and claims and returns what to sign and with what.
const now = () => Math.floor(Date.now() / 1000);
const MISBEHAVIOUR = {
  // Issued for another relying party: the portal must check `aud`.
  'motcua-wrong-audience': (header, claims) => ({
    header, claims: { ...claims, aud: 'another-portal' }, key: signingKey,
  }),
  // Expired half an hour ago: the portal must check `exp`.
  'motcua-expired': (header, claims) => ({
    header, claims: { ...claims, iat: now() - 3600, exp: now() - 1800 }, key: signingKey,
  }),
  // Signed by a key the JWKS never shows: the portal must reject it even
  // after fetching the JWKS again.
  'motcua-unknown-key': (header, claims) => ({
    header: { ...header, kid: UNPUBLISHED_KID }, claims, key: unpublishedKey,
  }),
};

const clients = ['motcua', ...Object.keys(MISBEHAVIOUR)].map((clientId) => ({
  client_id: clientId,
  client_secret: CLIENT_SECRET,
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['authorization_code'],
  response_types: ['code'],
  id_token_signed_response_alg: 'RS256',
  redirect_uris: redirectUris,
  post_logout_redirect_uris: postLogoutRedirectUris,
}));

// ---------------------------------------------------------------------------
// The provider
// ---------------------------------------------------------------------------

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [signingJwk] },
  findAccount,

  // VNeID's claims: the personal identification number as the custom claim
  // `so_dinh_danh` behind a `citizen` scope.
  claims: {
    openid: ['sub'],
    profile: ['name', 'birthdate'],
    citizen: ['so_dinh_danh'],
  },
  // The portal reads the claims from the ID token itself. By default
  // oidc-provider puts scope-requested claims only in the userinfo response
  // when an access token is issued too; false puts them in the ID token.
  conformIdTokenClaims: false,
  // Levels of assurance. With these configured, the `acr` chosen on the login
  // page goes into the ID token, and `acr_values` is accepted.
  acrValues: ['LoA1', 'LoA2'],

  responseTypes: ['code'],
  // PKCE (S256, the only method oidc-provider 9 supports) for every client,
  // confidential ones included (by default only public clients need it).
  pkce: { required: () => true },

  features: {
    // Our own login page below instead of oidc-provider's development one.
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
  },
  interactions: {
    url: (ctx, interaction) => `/interaction/${interaction.uid}`,
  },

  // Signed cookies, with a key that lives as long as the process.
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  // The portal calls the token endpoint from its server: no CORS for anyone.
  clientBasedCORS: () => false,
  renderError,

  // Lifetimes given explicitly (oidc-provider prints a notice for each one
  // left at its default).
  ttl: {
    AccessToken: 60 * 60,
    AuthorizationCode: 60,
    ClientCredentials: 10 * 60,
    DeviceCode: 10 * 60,
    BackchannelAuthenticationRequest: 10 * 60,
    PreAuthorizedCode: 10 * 60,
    IdToken: 60 * 60,
    RefreshToken: 24 * 60 * 60,
    Interaction: 60 * 60,
    Session: 24 * 60 * 60,
    Grant: 24 * 60 * 60,
  },
});

// oidc-provider checks static clients' metadata only when one is first used;
// check them now, so a bad --redirect-uri fails the start, not the first login.
for (const { client_id: clientId } of clients) {
  try {
    await provider.Client.find(clientId);
  } catch (err) {
    fail(`client ${clientId}: ${err.error_description ?? err.message}`);
  }
}

// Errors that oidc-provider handles itself (and answers the client with) are
// still worth seeing when a test fails.
for (const event of ['server_error', 'authorization.error', 'grant.error', 'end_session.error',
  'userinfo.error', 'jwks.error', 'discovery.error', 'backchannel.error']) {
  provider.on(event, (ctx, err) => {
    process.stderr.write(`openid-provider: ${event}: ${err?.error ?? ''} ${err?.error_description ?? err?.message ?? ''}\n`);
  });
}

// ---------------------------------------------------------------------------
// Koa middleware, in the order they run (provider.use puts them in front of
// oidc-provider's own routes)
// ---------------------------------------------------------------------------

const jwksPath = provider.pathFor('jwks');
const tokenPath = provider.pathFor('token');
const endSessionPath = provider.pathFor('end_session');
const endSessionConfirmPath = provider.pathFor('end_session_confirm');

// Test counters: how often the portal fetched the JWKS, so a test can tell
// that it caches the keys and fetches them again after a rotation.
let jwksRequests = 0;
provider.use(async (ctx, next) => {
  if (ctx.path === '/test/stats' && ctx.method === 'GET') {
    ctx.set('cache-control', 'no-store');
    ctx.body = { jwks_requests: jwksRequests };
    return;
  }
  if (ctx.path === jwksPath && ctx.method === 'GET') jwksRequests += 1;
  await next();
});

// The misbehaving clients: after oidc-provider has answered the token request,
// replace the ID token in its answer with a broken one (see MISBEHAVIOUR).
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== tokenPath || ctx.method !== 'POST' || ctx.status !== 200) return;
  const idToken = ctx.body?.id_token;
  const misbehave = MISBEHAVIOUR[ctx.oidc?.client?.clientId];
  if (typeof idToken !== 'string' || !misbehave) return;
  const { header, claims, key } = misbehave(decodeProtectedHeader(idToken), decodeJwt(idToken));
  ctx.body.id_token = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader(header)
    .sign(key);
});

// A logout request when the browser has no VNeID session: oidc-provider then
// answers with a page that submits itself with JavaScript (and shows an
// English "Continue" button without it). Show the same Vietnamese
// confirmation page as with a session instead, so the tests meet one page.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== endSessionPath || ctx.status !== 200) return;
  const session = ctx.oidc?.session;
  const secret = session?.state?.secret;
  if (!session || session.accountId || !secret) return;
  await logoutSource(ctx, `<form id="op.logoutForm" method="post" action="${endSessionConfirmPath}">`
    + `<input type="hidden" name="xsrf" value="${escapeHtml(secret)}"/></form>`);
});

async function readForm(ctx) {
  if (!ctx.is('application/x-www-form-urlencoded')) return new URLSearchParams();
  let body = '';
  ctx.req.setEncoding('utf8');
  for await (const chunk of ctx.req) {
    body += chunk;
    if (body.length > 64 * 1024) ctx.throw(413, 'form too large');
  }
  return new URLSearchParams(body);
}

// Consent: VNeID asks the citizen nothing more, the portal gets every scope
// and claim it asked for. `details` are the missing ones oidc-provider lists
// on a consent prompt.
async function grantEverything(interaction, accountId, { reuseGrant }) {
  const { params, prompt: { details } } = interaction;
  const grant = reuseGrant && interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : new provider.Grant({ accountId, clientId: params.client_id });
  if (params.scope) grant.addOIDCScope(params.scope);
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  return grant.save();
}

// Send the browser back to oidc-provider's authorization endpoint with the
// outcome of the interaction (interactionResult is interactionFinished without
// writing the redirect to the raw response itself, so Koa can answer).
async function finish(ctx, result) {
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: false,
  });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

// The interaction: GET shows the login page; POST logs the citizen in with the
// claims typed and grants consent in the same step; POST …/abort cancels
// (the portal then gets error=access_denied). A consent prompt on its own
// (a session exists already, but not this client's grant) is approved
// without a page.
provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/]+)(\/abort)?\/?$/.exec(ctx.path);
  if (!match) return next();
  ctx.set('cache-control', 'no-store');
  try {
    // Reads the interaction named by the cookie oidc-provider set for this
    // path; it throws when the cookie or the interaction is gone.
    const interaction = await provider.interactionDetails(ctx.req, ctx.res);
    if (interaction.uid !== match[1]) ctx.throw(400, 'this login page belongs to another sign-in');
    const { prompt, params } = interaction;
    const abort = Boolean(match[2]);

    if (abort) {
      if (ctx.method !== 'POST') ctx.throw(405);
      await finish(ctx, { error: 'access_denied', error_description: 'Người dùng đã hủy đăng nhập' });
      return;
    }

    if (prompt.name === 'consent') {
      const grantId = await grantEverything(interaction, interaction.session.accountId, { reuseGrant: true });
      await finish(ctx, { consent: { grantId } });
      return;
    }
    if (prompt.name !== 'login') ctx.throw(501, `prompt ${prompt.name} is not implemented`);

    if (ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = loginPage({ uid: interaction.uid, clientId: params.client_id });
      return;
    }
    if (ctx.method !== 'POST') ctx.throw(405);

    const form = await readForm(ctx);
    const values = Object.fromEntries(
      ['subject', 'citizen_id', 'full_name', 'birthdate', 'acr'].map((name) => [name, (form.get(name) ?? '').trim()]),
    );
    if (!values.subject) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = loginPage({
        uid: interaction.uid, clientId: params.client_id, values, error: 'Nhập mã định danh tài khoản (sub).',
      });
      return;
    }
    // Typed values go into the ID token as they are (no format checks), so a
    // test can hand the portal a malformed one on purpose.
    const acr = values.acr === 'LoA1' ? 'LoA1' : 'LoA2';
    citizens.set(values.subject, {
      citizen_id: values.citizen_id, full_name: values.full_name, birthdate: values.birthdate,
    });

    // Someone else is already signed in to VNeID in this browser (the login
    // page was forced with prompt=login or max_age). oidc-provider would then
    // ask, with a self-submitting page that needs JavaScript, to end that
    // session first; end it here instead, as a new sign-in replaces it.
    if (interaction.session?.accountId && interaction.session.accountId !== values.subject) {
      const previous = await provider.Session.findByUid(interaction.session.uid);
      if (previous) await previous.destroy();
      delete interaction.session;
      await interaction.save(interaction.exp - now());
    }

    const grantId = await grantEverything(interaction, values.subject, { reuseGrant: false });
    await finish(ctx, { login: { accountId: values.subject, acr }, consent: { grantId } });
  } catch (err) {
    const status = err.status ?? err.statusCode ?? 500;
    process.stderr.write(`openid-provider: interaction: ${err.error ?? ''} ${err.error_description ?? err.message}\n`);
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = page('Lỗi', `<h1>Đã xảy ra lỗi</h1>
<p>${escapeHtml(err.error_description ?? (err.expose ? err.message : 'Lỗi máy chủ'))}</p>
<p>Hãy bắt đầu đăng nhập lại từ cổng dịch vụ công.</p>`);
  }
});

server.on('request', provider.callback());

// ---------------------------------------------------------------------------
// Ready, and stopping
// ---------------------------------------------------------------------------

process.stdout.write(`${JSON.stringify({ issuer, port })}\n`);

function shutdown() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// If the test process that started us dies without stopping us (a crashed or
// interrupted test run), do not live on holding the port.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) shutdown();
}, 1000).unref();
