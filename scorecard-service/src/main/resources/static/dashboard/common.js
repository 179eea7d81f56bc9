// Shared by the dashboard pages: the token (from #token= or pasted, kept in sessionStorage), API calls, safe DOM.
'use strict';
const Ledger = (() => {
  const KEY = 'ledger.token';

  function takeTokenFromFragment() {
    const match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
    if (match) {
      sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  function token() {
    return sessionStorage.getItem(KEY);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function showError(message) {
    const box = document.getElementById('error');
    box.textContent = message;
    box.hidden = false;
  }

  async function api(path, accept) {
    const response = await fetch(path, {headers: {Authorization: 'Bearer ' + token(), Accept: accept || 'application/json'}});
    if (response.status === 401) {
      sessionStorage.removeItem(KEY);
      askForToken('The token was refused (expired or invalid). Paste another one.');
      throw new Error('unauthorized');
    }
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    return accept === 'text/csv' ? response.text() : response.json();
  }

  function askForToken(message) {
    const panel = document.getElementById('token-panel');
    panel.hidden = false;
    if (message) panel.querySelector('p').textContent = message;
  }

  function start(render) {
    takeTokenFromFragment();
    document.getElementById('token-form').addEventListener('submit', event => {
      event.preventDefault();
      const value = document.getElementById('token-input').value.trim();
      if (value) {
        sessionStorage.setItem(KEY, value);
        location.reload();
      }
    });
    const signOut = document.getElementById('sign-out');
    signOut.addEventListener('click', () => { sessionStorage.removeItem(KEY); location.reload(); });
    if (!token()) {
      askForToken();
      return;
    }
    signOut.hidden = false;
    try {
      const claims = JSON.parse(atob(token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      document.getElementById('who').textContent = (claims.name || claims.sub || '') +
        (claims.roles ? ' · ' + claims.roles.join(', ') : '');
    } catch (e) { /* an opaque token: nothing to show */ }
    render().catch(e => { if (e.message !== 'unauthorized') showError('Could not load: ' + e.message); });
  }

  function colourChip(colour) {
    return el('span', 'rag rag-' + String(colour || 'none').toLowerCase(), colour || '—');
  }

  return {api, el, start, colourChip, showError};
})();
