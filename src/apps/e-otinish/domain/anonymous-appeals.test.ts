import { describe, expect, it } from 'vitest';
import { considerationOf } from './anonymous-appeals.js';

describe('anonymous appeals', () => {
  it.each([
    [false, false, false, { considered: true, reason: 'named' }],
    [false, true, true, { considered: true, reason: 'named' }],
    [true, false, false, { considered: false, reason: 'anonymous' }],
    [true, true, false, { considered: true, reason: 'anonymous-reports-crime' }],
    [true, false, true, { considered: true, reason: 'anonymous-reports-threat' }],
    [true, true, true, { considered: true, reason: 'anonymous-reports-crime' }],
  ])(
    'anonymous %s, crime %s, threat %s: %j',
    (anonymous, reportsCrime, reportsSecurityThreat, expected) => {
      expect(considerationOf({ anonymous, reportsCrime, reportsSecurityThreat })).toEqual(expected);
    },
  );
});
