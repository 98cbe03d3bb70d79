// Passkeys (WebAuthn) for the forms that offer them (app/src/accounts/pages/
// passkey_proof.rs). A button marked data-passkey="register" or
// "authenticate" asks the portal for a challenge, hands it to the browser's
// WebAuthn interface (the person touches their key, or uses their
// fingerprint, face or PIN), and puts the signed answer in its form's hidden
// fields; the form then goes as an ordinary post, and the portal answers
// with a redirect like every other form. The buttons stay hidden where
// there is no JavaScript or no WebAuthn: the code field is the way there.
//
// Plain JavaScript, not part of the WebAssembly bundle: only officials'
// pages load it, and only these few lines are needed.
(() => {
  if (window.motcuaPasskeys || !window.PublicKeyCredential) return;
  window.motcuaPasskeys = true;

  const fromBase64Url = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)).buffer;
  };
  const toBase64Url = (buffer) => {
    let binary = '';
    for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const withIds = (list) => (list || []).map((item) => ({ ...item, id: fromBase64Url(item.id) }));

  // The portal's options are JSON with base64url strings where WebAuthn
  // wants bytes; the browser's answer is bytes the portal wants as base64url.
  async function create(options) {
    const publicKey = {
      ...options,
      challenge: fromBase64Url(options.challenge),
      user: { ...options.user, id: fromBase64Url(options.user.id) },
      excludeCredentials: withIds(options.excludeCredentials),
    };
    const credential = await navigator.credentials.create({ publicKey });
    return {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      extensions: credential.getClientExtensionResults(),
      response: {
        attestationObject: toBase64Url(credential.response.attestationObject),
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
        transports: credential.response.getTransports ? credential.response.getTransports() : [],
      },
    };
  }

  async function get(options) {
    const publicKey = {
      ...options,
      challenge: fromBase64Url(options.challenge),
      allowCredentials: withIds(options.allowCredentials),
    };
    const credential = await navigator.credentials.get({ publicKey });
    const response = credential.response;
    return {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      extensions: credential.getClientExtensionResults(),
      response: {
        authenticatorData: toBase64Url(response.authenticatorData),
        clientDataJSON: toBase64Url(response.clientDataJSON),
        signature: toBase64Url(response.signature),
        userHandle: response.userHandle ? toBase64Url(response.userHandle) : null,
      },
    };
  }

  async function answer(button) {
    const reply = await fetch(button.dataset.passkeyOptions, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams({ purpose: button.dataset.passkey }),
      credentials: 'same-origin',
    });
    const body = await reply.json().catch(() => ({}));
    if (!reply.ok) throw Object.assign(new Error(body.message || ''), { fromPortal: true });
    const publicKey = body.options.publicKey;
    const signed = button.dataset.passkey === 'register' ? await create(publicKey) : await get(publicKey);
    return { challenge: String(body.challenge), answer: JSON.stringify(signed) };
  }

  function wire(button) {
    const form = button.form;
    const status = button.parentElement.querySelector('.passkey__status');
    button.hidden = false;
    button.addEventListener('click', async () => {
      // A new passkey needs its name first: the browser would make the
      // key even if the portal then refused the form.
      if (button.dataset.passkey === 'register' && !form.reportValidity()) return;
      button.disabled = true;
      status.textContent = '';
      try {
        const { challenge, answer: signed } = await answer(button);
        form.elements.passkey_challenge.value = challenge;
        form.elements.passkey_answer.value = signed;
        if (button.dataset.passkeyThen === 'submit') {
          form.submit();
          return;
        }
        // A sensitive action: the answer stands in for the code, and the
        // action's own button sends the form.
        for (const field of form.querySelectorAll('input[name="second_factor_code"]')) field.required = false;
        status.textContent = button.dataset.ready;
      } catch (error) {
        if (error.fromPortal && error.message) status.textContent = error.message;
        else if (error.name === 'NotAllowedError' || error.name === 'AbortError') status.textContent = button.dataset.cancelled;
        else status.textContent = button.dataset.failed;
      }
      button.disabled = false;
    });
  }

  const start = () => document.querySelectorAll('button[data-passkey]').forEach(wire);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
