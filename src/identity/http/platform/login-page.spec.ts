import { describe, expect, it } from '@jest/globals';
import { errorPage, escapeHtml, loginPage } from './login-page.js';

describe('login page', () => {
  it('escapes every character that could break out of text or attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('echoes client name, parameters, error and login only escaped', () => {
    const html = loginPage('<script>alert(1)</script>', { state: '"><script>x</script>', client_id: 'meridian' }, 'tok"en', '<b>bad</b>', '"evil');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('name="state" value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('value="&quot;evil"');
    expect(html).toContain('name="form_token" value="tok&quot;en"');
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(errorPage('<x>')).toContain('&lt;x&gt;');
  });
});
