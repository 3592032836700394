import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { DomainError } from '../../errors.js';
import { Catalogue } from '../../i18n/catalogue.js';
import { platformMessages } from '../../messages.js';
import { renderDocument } from '../render.js';
import type { PageContext } from '../page-context.js';
import {
  Button,
  ErrorSummary,
  fieldId,
  Form,
  formErrorsFrom,
  hasErrors,
  PasswordField,
  TextField,
} from './index.js';

const catalogue = new Catalogue().add('platform', platformMessages);
const t = catalogue.translator('en');

function render(jsx: preact.ComponentChildren, context: Partial<PageContext> = {}) {
  return parse(
    renderDocument(
      { locale: 'en', t, path: '/form', principal: null, csrfToken: 'token-123', ...context },
      jsx,
    ),
  );
}

describe('TextField', () => {
  it('labels the input and ties hint and error to it', () => {
    const page = render(
      <TextField
        name="iin"
        label="IIN"
        hint="12 digits"
        error="Enter a valid IIN"
        value="123"
        autocomplete="off"
        inputMode="numeric"
        width={12}
      />,
    );
    const input = page.querySelector('input')!;
    expect(input.id).toBe('field-iin');
    expect(page.querySelector('label')?.getAttribute('for')).toBe('field-iin');
    expect(page.querySelector('label')?.text).toBe('IIN');
    expect(input.getAttribute('name')).toBe('iin');
    expect(input.getAttribute('type')).toBe('text');
    expect(input.getAttribute('value')).toBe('123');
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('field-iin-hint field-iin-error');
    expect(page.querySelector('#field-iin-hint')?.text).toBe('12 digits');
    expect(page.querySelector('#field-iin-error')?.text).toBe('Error: Enter a valid IIN');
  });

  it('without hint or error has no dangling references and is not marked invalid', () => {
    const input = render(
      <TextField name="email" label="Email" type="email" autocomplete="email" />,
    ).querySelector('input')!;
    expect(input.getAttribute('type')).toBe('email');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
  });

  it('escapes what the person typed', () => {
    const html = renderDocument(
      { locale: 'en', t, path: '/', principal: null, csrfToken: '' },
      <TextField name="x" label="X" value={'"><script>alert(1)</script>'} autocomplete="off" />,
    );
    expect(html).not.toContain('<script>');
  });
});

describe('PasswordField', () => {
  it('is a password input that never carries a value back', () => {
    const input = render(
      <PasswordField
        name="password"
        label="Password"
        autocomplete="current-password"
        error="Wrong"
      />,
    ).querySelector('input')!;
    expect(input.getAttribute('type')).toBe('password');
    expect(input.getAttribute('autocomplete')).toBe('current-password');
    expect(input.hasAttribute('value')).toBe(false);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('Form', () => {
  it('posts, and carries the CSRF token of the page', () => {
    const page = render(
      <Form action="/sign-in">
        <Button>Go</Button>
      </Form>,
    );
    const form = page.querySelector('form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/sign-in');
    const hidden = form.querySelector('input[type=hidden]')!;
    expect([hidden.getAttribute('name'), hidden.getAttribute('value')]).toEqual([
      '_csrf',
      'token-123',
    ]);
    expect(form.querySelector('button')?.getAttribute('type')).toBe('submit');
  });
});

describe('ErrorSummary', () => {
  it('is an alert with a heading and a link to each field, in order', () => {
    const page = render(
      <ErrorSummary errors={{ iin: 'Enter your IIN', password: 'Enter your password' }} />,
    );
    const summary = page.querySelector('.error-summary')!;
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.getAttribute('tabindex')).toBe('-1');
    expect(summary.getAttribute('aria-labelledby')).toBe('error-summary-title');
    expect(page.querySelector('#error-summary-title')?.text).toBe('There is a problem');
    expect(summary.querySelectorAll('a').map((a) => [a.getAttribute('href'), a.text])).toEqual([
      [`#${fieldId('iin')}`, 'Enter your IIN'],
      [`#${fieldId('password')}`, 'Enter your password'],
    ]);
  });

  it('renders nothing when there is no error', () => {
    expect(render(<ErrorSummary errors={{}} />).querySelector('.error-summary')).toBeNull();
  });
});

describe('formErrorsFrom', () => {
  it('translates field problems, and puts a form-wide problem on the fallback field', () => {
    const fields = new DomainError('HTTP_VALIDATION_FAILED', 400, {}, [
      { field: 'iin', code: 'VALIDATION_REQUIRED' },
    ]);
    expect(formErrorsFrom(fields, t, 'iin')).toEqual({ iin: 'Fill in this field' });
    const whole = new DomainError('HTTP_CSRF_INVALID', 403);
    expect(formErrorsFrom(whole, t, 'iin')).toEqual({
      iin: 'The form has expired or was sent from another site. Reload the page and try again',
    });
    expect(hasErrors({})).toBe(false);
    expect(hasErrors({ iin: 'x' })).toBe(true);
  });
});
