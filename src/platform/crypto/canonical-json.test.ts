import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('RFC 8785 canonical JSON', () => {
  it('sorts members by UTF-16 code units (the RFC’s own example, section 3.2.3)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Compared as text: JSON.parse would put the integer-like name "1" first again.
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    const expected = `{${order.map((key) => `${JSON.stringify(key)}:${JSON.stringify(value[key as keyof typeof value])}`).join(',')}}`;
    expect(canonicalJson(value)).toBe(expected);
  });

  it('writes numbers as ECMAScript does (the RFC’s examples, appendix B)', () => {
    expect(canonicalJson([333333333.3333333, 1e30, 4.5, 0.002, 1e-27, -0, 9007199254740991])).toBe(
      '[333333333.3333333,1e+30,4.5,0.002,1e-27,0,9007199254740991]',
    );
  });

  it('writes strings, literals and nesting without whitespace', () => {
    expect(
      canonicalJson({ b: [true, false, null], a: { y: 'Ә\n"\\', x: '\u001f' }, c: undefined }),
    ).toBe('{"a":{"x":"\\u001f","y":"Ә\\n\\"\\\\"},"b":[true,false,null]}');
  });

  it('refuses what JSON cannot carry faithfully', () => {
    for (const bad of [NaN, Infinity, '\ud800', { a: () => 1 }, new Date(0), 10n, [undefined]])
      expect(() => canonicalJson(bad)).toThrow(TypeError);
  });

  it('is a fixed point and ignores member order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          const reversed = Object.fromEntries(Object.entries(value).reverse());
          expect(canonicalJson(reversed)).toBe(text);
        }
      }),
    );
  });
});
