import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { appealRegisteredTemplate as template } from '../test/templates.js';
import { composeEmail, escapeHtml } from './email-content.js';
import { TemplateError, TemplateRegistry } from './template-registry.js';
import { checkParams, renderTemplate, templateProblems, type MessageTemplate } from './template.js';

const withLocale = (locale: 'kk' | 'ru' | 'en', text: Partial<MessageTemplate['kk']> | undefined) =>
  ({ ...template, [locale]: text }) as unknown as MessageTemplate;

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return 'no error';
};

describe('template validation', () => {
  it('accepts a template with all three languages and the same parameters', () => {
    expect(templateProblems(template)).toEqual([]);
  });

  it.each(['kk', 'ru', 'en'] as const)('refuses a template without its %s text', (locale) => {
    expect(templateProblems(withLocale(locale, undefined))).toEqual([
      `template ${template.id}: the ${locale} text is missing`,
    ]);
  });

  it('refuses an empty subject or body', () => {
    expect(
      templateProblems(withLocale('ru', { subject: ' ', body: 'x {number} {agency}' })),
    ).toContain(`template ${template.id}: ru subject is missing or empty`);
    expect(templateProblems(withLocale('en', { subject: 'x {number}', body: '' }))).toContain(
      `template ${template.id}: en body is missing or empty`,
    );
  });

  it('refuses languages whose parameters differ, naming both sets', () => {
    const problems = templateProblems(
      withLocale('ru', { subject: 'Обращение №{number}', body: 'Принято: {office}' }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/ru has parameters .* but kk has \{agency\}, \{number\}/);
  });

  it('refuses a subject of more than one line (it becomes a mail header)', () => {
    expect(
      templateProblems(withLocale('en', { subject: 'A {number}\nBcc: x@y {agency}', body: 'b' })),
    ).toContain(`template ${template.id}: en subject must be one line`);
  });

  it('refuses a malformed id and a missing note', () => {
    expect(templateProblems({ ...template, id: 'NoModule', note: '' })).toEqual([
      'template id "NoModule" must look like module.name (lower case, digits, dashes)',
      'template NoModule: note for translators is missing',
    ]);
  });
});

describe('template registry', () => {
  it('refuses the whole batch when one template is wrong, and keeps none of it', () => {
    const registry = new TemplateRegistry();
    const good = { ...template, id: 'test.good' };
    expect(() => registry.register([good, withLocale('kk', undefined)])).toThrow(TemplateError);
    expect(registry.find('test.good')).toBeUndefined();
  });

  it('accepts the same definition twice but not a different text under a taken id', () => {
    const registry = new TemplateRegistry();
    registry.register([template]);
    registry.register([structuredClone(template)]);
    const changed = { ...template, en: { ...template.en, subject: 'Other {number} {agency}' } };
    expect(() => registry.register([changed])).toThrow(/defined twice with different texts/);
    expect(registry.get(template.id).en.subject).toBe(template.en.subject);
  });

  it('answers MESSAGING_TEMPLATE_UNKNOWN for an id nobody registered', () => {
    expect(codeOf(() => new TemplateRegistry().get('test.none'))).toBe(
      'MESSAGING_TEMPLATE_UNKNOWN',
    );
  });
});

describe('rendering', () => {
  const params = { number: 'ЖТ-2025-000017', agency: 'Алматы қаласының әкімдігі' };

  it('fills every language with the same values', () => {
    expect(renderTemplate(template, 'kk', params).subject).toBe('№ЖТ-2025-000017 өтініш тіркелді');
    expect(renderTemplate(template, 'ru', params).text).toContain(
      'Ваше обращение №ЖТ-2025-000017 зарегистрировано: Алматы қаласының әкімдігі.',
    );
    expect(renderTemplate(template, 'en', params).subject).toBe(
      'Appeal No. ЖТ-2025-000017 registered',
    );
  });

  it('keeps a value with line breaks from adding a header to the subject', () => {
    const subject = renderTemplate(template, 'en', {
      ...params,
      number: '1\r\nBcc: x@y.kz',
    }).subject;
    expect(subject).toBe('Appeal No. 1 Bcc: x@y.kz registered');
  });

  it.each([
    [{ number: '1' }, 'MESSAGING_TEMPLATE_PARAM_MISSING'],
    [{ ...params, extra: 'x' }, 'MESSAGING_TEMPLATE_PARAM_UNKNOWN'],
    [{ ...params, number: Number.NaN }, 'MESSAGING_TEMPLATE_PARAM_INVALID'],
    [{ ...params, number: { html: 1 } as unknown as string }, 'MESSAGING_TEMPLATE_PARAM_INVALID'],
    [{ ...params, number: 'x'.repeat(2001) }, 'MESSAGING_TEMPLATE_PARAM_INVALID'],
  ])('refuses params %j with %s', (bad, code) => {
    expect(codeOf(() => checkParams(template, bad))).toBe(code);
  });
});

describe('email parts', () => {
  const compose = (text: string, url: string | null = null) =>
    composeEmail({
      locale: 'kk',
      subject: 'S <b>',
      text,
      url,
      linkLabel: 'Open',
      footer: 'Auto',
    });

  it('escapes every value in the HTML part, whatever it holds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({
            unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', 'i', 'mg', '/', ' ', '\n'),
          }),
        ),
        (value) => {
          const { html, text } = compose(`Before ${value} after`);
          const bodyStart = html.indexOf('<body>');
          const inBody = html.slice(bodyStart);
          // Only our own tags appear: the value cannot open an element or an attribute.
          const tags = [...inBody.matchAll(/<\/?([a-z]+)/g)].map((match) => match[1]);
          const ours = ['body', 'p', 'br', 'hr', 'small', 'html'];
          expect(tags.filter((tag) => !ours.includes(tag!))).toEqual([]);
          expect(text).toContain(`Before ${value} after`.replace(/\r\n?/g, '\n'));
        },
      ),
    );
  });

  it('makes paragraphs and line breaks, and a link in both parts', () => {
    const { html, text } = compose(
      'One\nline two\n\nPara <two>',
      'https://ortaq.kz/e-otinish/a?x=1&y=2',
    );
    expect(html).toContain('<p>One<br>\nline two</p>');
    expect(html).toContain('<p>Para &lt;two&gt;</p>');
    expect(html).toContain('<a href="https://ortaq.kz/e-otinish/a?x=1&amp;y=2">Open</a>');
    expect(html).toContain('<title>S &lt;b&gt;</title>');
    expect(text).toBe(
      'One\nline two\n\nPara <two>\n\nOpen: https://ortaq.kz/e-otinish/a?x=1&y=2\n\n-- \nAuto\n',
    );
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
