import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { Catalogue } from '../i18n/catalogue.js';
import { platformMessages } from '../messages.js';
import { Layout } from './layout.js';
import { renderDocument } from './render.js';

const catalogue = new Catalogue().add('platform', platformMessages);
const principal = {
  accountId: 'a1',
  personId: 'p1',
  displayName: 'Айгүл Серікқызы',
  roles: ['citizen'],
  agencyId: null,
};

function render(options: { signedIn: boolean; hasErrors?: boolean }) {
  let tokenReads = 0;
  const html = renderDocument(
    {
      locale: 'en',
      t: catalogue.translator('en'),
      path: '/apps',
      principal: options.signedIn ? principal : null,
      get csrfToken() {
        tokenReads += 1;
        return 'token-abc';
      },
    },
    <Layout title="Services" hasErrors={options.hasErrors}>
      <p>content</p>
    </Layout>,
  );
  return { page: parse(html), tokenReads };
}

describe('Layout for a signed-in person', () => {
  it('shows the name, a sign-out form with the CSRF token, the inbox and "Who used my data"', () => {
    const { page, tokenReads } = render({ signedIn: true });
    expect(page.querySelector('.sign-in-state__name')?.text).toBe('Signed in as Айгүл Серікқызы');
    const form = page.querySelector('form.sign-out-form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/sign-out');
    expect(form.querySelector('input[name=_csrf]')?.getAttribute('value')).toBe('token-abc');
    expect(form.querySelector('button')?.text).toBe('Sign out');
    expect(page.querySelector('a.sign-in-link')).toBeNull();
    expect(tokenReads).toBe(1);
    const nav = page.querySelectorAll('nav.site-nav a').map((a) => a.text);
    expect(nav).toEqual(['Services', 'Inbox', 'Who used my data', 'API for developers']);
  });
});

describe('Layout for a visitor', () => {
  it('has no sign-out form, does not make a CSRF token, and hides "Who used my data"', () => {
    const { page, tokenReads } = render({ signedIn: false });
    expect(page.querySelector('form')).toBeNull();
    expect(tokenReads).toBe(0);
    expect(page.querySelector('nav.site-nav')?.text).not.toContain('Who used my data');
  });

  it('titles the page, prefixed with "Error:" when the page shows errors', () => {
    expect(render({ signedIn: false }).page.querySelector('title')?.text).toBe('Services — Ortaq');
    expect(render({ signedIn: false, hasErrors: true }).page.querySelector('title')?.text).toBe(
      'Error: Services — Ortaq',
    );
  });

  it('loads only the deployment’s own style sheets', () => {
    const { page } = render({ signedIn: false });
    expect(
      page.querySelectorAll('link[rel=stylesheet]').map((l) => l.getAttribute('href')),
    ).toEqual(['/assets/pico.min.css', '/assets/ortaq.css']);
  });
});
