import type { AuthorizeParams } from '../../application/oauth/prepare-authorization.query.js';
import { FORM_TOKEN_FIELD } from './login-form-token.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Locks the page down: no scripts, no external assets, no framing. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin-top:0}label{display:block;margin:.8rem 0 .2rem}input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem}
button{margin-top:1.2rem;width:100%;padding:.6rem;background:#1f5fbf;color:#fff;border:0;border-radius:.3rem;font-size:1rem}.error{color:#b00020}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/**
 * The sign-in form of /oauth/authorize: username or e-mail and password; the request's parameters
 * and the form's double-submit token ride along hidden.
 */
export function loginPage(clientName: string, params: AuthorizeParams, formToken: string, error?: string, login = ''): string {
  const hidden = [...Object.entries(params), [FORM_TOKEN_FIELD, formToken] as const]
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value ?? '')}">`)
    .join('');
  return page(
    'Sign in — Meridian',
    `<h1>Sign in to Meridian</h1><p><strong>${escapeHtml(clientName)}</strong> asks to access your account.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth/authorize">${hidden}
<label for="username">Username or e-mail</label><input id="username" name="username" type="text" autocomplete="username" required maxlength="255" value="${escapeHtml(login)}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
<button type="submit">Sign in</button></form>`,
  );
}

export function errorPage(message: string): string {
  return page('Sign-in error — Meridian', `<h1>This sign-in request cannot be processed</h1><p class="error">${escapeHtml(message)}</p>`);
}
