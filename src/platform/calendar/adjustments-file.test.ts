import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kazakhstan } from '../../countries/kz/index.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { parseAdjustments } from './adjustments-file.js';
import { createDeploymentCalendar } from './deployment-calendar.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-calendar-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

describe('CALENDAR_TRANSFERS_FILE', () => {
  it('adds the operator’s transfers to the country calendar', () => {
    const file = write(
      'good.json',
      JSON.stringify({
        adjustments: [
          { date: '2027-01-09', kind: 'working-day', basis: 'Order no. 1' },
          { date: '2027-01-08', kind: 'day-off', basis: 'Order no. 1' },
        ],
      }),
    );
    const config = loadConfig({ CALENDAR_TRANSFERS_FILE: file });
    expect(config.calendarTransfersFile).toBe(file);
    const calendar = createDeploymentCalendar(kazakhstan, config.calendarTransfersFile);
    expect(calendar.isWorkingDay('2027-01-09')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-08')).toBe(false);
    expect(createDeploymentCalendar(kazakhstan, '').isWorkingDay('2027-01-08')).toBe(true);
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['an unknown field', '{"adjustments":[],"extra":1}', /\/extra|additional/i],
    ['a missing basis', '{"adjustments":[{"date":"2027-01-09","kind":"day-off"}]}', /basis/],
    [
      'an unknown kind',
      '{"adjustments":[{"date":"2027-01-09","kind":"holiday","basis":"x"}]}',
      /kind/,
    ],
    [
      'an impossible date',
      '{"adjustments":[{"date":"2027-02-30","kind":"day-off","basis":"x"}]}',
      /2027-02-30.*not a calendar date/,
    ],
    [
      'a date both off and worked',
      '{"adjustments":[{"date":"2027-01-09","kind":"day-off","basis":"x"},{"date":"2027-01-09","kind":"working-day","basis":"y"}]}',
      /both as a day off and as a working day/,
    ],
  ])('refuses %s with a configuration error that names the file', (_, content, message) => {
    const file = write(`bad-${Math.random()}.json`, content);
    expect(() => createDeploymentCalendar(kazakhstan, file)).toThrow(ConfigError);
    expect(() => createDeploymentCalendar(kazakhstan, file)).toThrow(message);
    expect(() => createDeploymentCalendar(kazakhstan, file)).toThrow(/CALENDAR_TRANSFERS_FILE=/);
  });

  it('refuses a file that cannot be read', () => {
    expect(() => createDeploymentCalendar(kazakhstan, path.join(dir, 'missing.json'))).toThrow(
      /CALENDAR_TRANSFERS_FILE=.*cannot be read/,
    );
  });

  it('parses an empty list', () => {
    expect(parseAdjustments('{"adjustments":[]}')).toEqual({ adjustments: [] });
  });
});
