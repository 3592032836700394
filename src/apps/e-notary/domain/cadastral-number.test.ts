import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCadastralNumber, registerSpelling } from './cadastral-number.js';

describe('cadastral numbers', () => {
  it('reads a plot, a building and a flat', () => {
    expect(parseCadastralNumber('20:315:026:004')).toMatchObject({ valid: true, level: 'plot' });
    expect(parseCadastralNumber('20:315:026:004:1')).toMatchObject({
      valid: true,
      level: 'building',
      building: '1',
      premises: null,
    });
    expect(parseCadastralNumber(' 20:315:026:004:1:7 ')).toMatchObject({
      valid: true,
      value: '20:315:026:004:1:7',
      level: 'premises',
      region: '20',
      district: '315',
      quarter: '026',
      plot: '004',
      building: '1',
      premises: '7',
    });
    expect(parseCadastralNumber('21:320:028:1154')).toMatchObject({ valid: true });
  });

  it('refuses other shapes with ENOTARY_CADASTRAL_INVALID_FORMAT', () => {
    for (const bad of [
      '',
      '20-315-026-004',
      '20:315:026',
      '2:315:026:004',
      '20:3150:026:004',
      '20:315:026:00401',
      '20:315:026:004:1:7:9',
      '20:315:026:004::7',
      '20:315:026:004:1234',
      '20:315:026:004:1:12345',
      '20:315:026:004/А',
      '20 :315:026:004',
    ]) {
      expect(parseCadastralNumber(bad), bad).toEqual({
        valid: false,
        code: 'ENOTARY_CADASTRAL_INVALID_FORMAT',
      });
    }
  });

  it('refuses all-zero segments and leading zeros in building and flat numbers', () => {
    for (const bad of [
      '00:315:026:004',
      '20:000:026:004',
      '20:315:000:004',
      '20:315:026:0000',
      '20:315:026:004:0',
      '20:315:026:004:1:07',
    ]) {
      expect(parseCadastralNumber(bad), bad).toEqual({
        valid: false,
        code: 'ENOTARY_CADASTRAL_ZERO_SEGMENT',
      });
    }
  });

  it('property: every well-formed number is accepted and read back to its parts', () => {
    const digits = (min: number, max: number) =>
      fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`)).filter((s) => !/^0+$/.test(s));
    const noLeadingZero = (max: number) => fc.integer({ min: 1, max }).map(String);
    fc.assert(
      fc.property(
        digits(2, 2),
        digits(3, 3),
        digits(3, 3),
        digits(3, 4),
        fc.option(fc.tuple(noLeadingZero(999), fc.option(noLeadingZero(9999)))),
        (region, district, quarter, plot, rest) => {
          const suffix = rest ? `:${rest[0]}${rest[1] ? `:${rest[1]}` : ''}` : '';
          const text = `${region}:${district}:${quarter}:${plot}${suffix}`;
          const parsed = parseCadastralNumber(text);
          expect(parsed).toMatchObject({ valid: true, value: text, region, plot });
        },
      ),
    );
  });
});

describe('the register spelling', () => {
  it('accepts the premises after a slash and spells both forms the register way', () => {
    for (const text of ['20:311:004:017:1/15', '20:311:004:017:1:15']) {
      const parsed = parseCadastralNumber(text);
      expect(parsed.valid).toBe(true);
      if (parsed.valid) expect(registerSpelling(parsed)).toBe('20:311:004:017:1/15');
    }
    const plot = parseCadastralNumber('20:311:004:017');
    expect(plot.valid && registerSpelling(plot)).toBe('20:311:004:017');
  });

  it('refuses a slash anywhere but before the premises', () => {
    expect(parseCadastralNumber('20:311:004/017:1:15').valid).toBe(false);
    expect(parseCadastralNumber('20:311:004:017/1').valid).toBe(false);
  });
});
