import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { loadConfig, type Config } from '../platform/config/config.js';
import { ExitCode } from '../platform/exit-codes.js';
import { registryDefineCommand } from './registry-define.js';
import { registryImportCommand, type RegistryImportOptions } from './registry-import.js';

const definition = {
  name: 'flats',
  version: '1.0',
  title: { kk: 'Пәтерлер', ru: 'Квартиры', en: 'Flats' },
  legalBasis: 'Law No. 310-III',
  key: 'cadastralNumber',
  fields: [
    { name: 'cadastralNumber', type: 'string', required: true, pattern: '[0-9]{2}:[0-9]{3}' },
    { name: 'rooms', type: 'integer', required: true },
    { name: 'ownerBin', type: 'business-id' },
  ],
};

describe('ortaq registry define and import', () => {
  let database: TestDatabase;
  let config: Config;
  let folder: string;
  const file = async (name: string, content: string) => {
    const full = path.join(folder, name);
    await fs.writeFile(full, content);
    return full;
  };
  const records = () =>
    database.db.selectFrom('registry_record').select('data').orderBy('created_at').execute();
  const importFile = async (name: string, options: RegistryImportOptions = {}) => {
    const lines: string[] = [];
    const code = await registryImportCommand(config, 'flats', name, options, {
      out: (line) => lines.push(line),
    });
    return { code, lines };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url });
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-registry-'));
  });
  afterAll(async () => {
    await database.drop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('refuses a bad definition file with every problem and exit 64', async () => {
    const bad = await file(
      'bad.json',
      JSON.stringify({ ...definition, name: '', fields: [{ name: 'x', type: 'colour' }] }),
    );
    const attempt = registryDefineCommand(config, bad, {}, { out: () => undefined });
    await expect(attempt).rejects.toMatchObject({
      exitCode: ExitCode.badInput,
      message: expect.stringMatching(
        /name: A registry name .*REGISTRY_NAME_INVALID.*fields\.0\.type: Unknown field type "colour"/,
      ),
    });
    await expect(
      registryDefineCommand(config, path.join(folder, 'none.json')),
    ).rejects.toMatchObject({
      exitCode: ExitCode.badInput,
      message: expect.stringContaining('cannot read'),
    });
  });

  it('defines a registry once; the same file again changes nothing', async () => {
    const good = await file('flats.json', JSON.stringify(definition));
    const lines: string[] = [];
    expect(await registryDefineCommand(config, good, {}, { out: (line) => lines.push(line) })).toBe(
      0,
    );
    expect(await registryDefineCommand(config, good, {}, { out: (line) => lines.push(line) })).toBe(
      0,
    );
    expect(lines).toEqual([
      expect.stringMatching(/^created: flats 1\.0 \(database id \d+, revision 1\)$/),
      expect.stringMatching(/^unchanged: flats 1\.0/),
    ]);
  });

  it('with --all-or-nothing, loads nothing when a row is rejected, and says which', async () => {
    const csv = await file(
      'flats.csv',
      'Cadastral_Number,Rooms,OwnerBin\n20:311,3,\n2O:311,two,150440012345\n20:312,1,150440012344\n',
    );
    const { code, lines } = await importFile(csv, { allOrNothing: true });
    expect(code).toBe(ExitCode.badInput);
    expect(lines).toEqual([
      'flats 1.0: 3 rows, 0 created, 0 updated, 0 unchanged, 1 rejected',
      'line 3 (row 2): cadastralNumber: The value is not in the required format (REGISTRY_VALUE_PATTERN_MISMATCH); ' +
        'rooms: The value must be of type integer (REGISTRY_VALUE_WRONG_TYPE); ' +
        'ownerBin: The BIN has a typo: its check digit does not match (IDENTITY_ID_BAD_CHECK_DIGIT)',
      'nothing was loaded (--all-or-nothing)',
    ]);
    expect(await records()).toEqual([]);
  });

  it('without it, loads the valid rows and reports the rejected ones', async () => {
    const { code, lines } = await importFile(path.join(folder, 'flats.csv'));
    expect(code).toBe(ExitCode.badInput);
    expect(lines[0]).toBe('flats 1.0: 3 rows, 2 created, 0 updated, 0 unchanged, 1 rejected');
    expect((await records()).map((row) => row.data)).toEqual([
      { cadastralNumber: '20:311', rooms: 3 },
      { cadastralNumber: '20:312', rooms: 1, ownerBin: '150440012344' },
    ]);
  });

  it('loads JSON, updating records by key; loading it again changes nothing', async () => {
    const json = await file(
      'more.json',
      JSON.stringify(
        [
          { cadastralNumber: '20:311', rooms: 4 },
          { cadastralNumber: '20:313', rooms: 2 },
        ],
        null,
        2,
      ),
    );
    expect(await importFile(json)).toEqual({
      code: 0,
      lines: ['flats 1.0: 2 rows, 1 created, 1 updated, 0 unchanged, 0 rejected'],
    });
    expect((await importFile(json)).lines).toEqual([
      'flats 1.0: 2 rows, 0 created, 0 updated, 2 unchanged, 0 rejected',
    ]);
    const duplicate = await file(
      'dup.json',
      '[\n  {"cadastralNumber": "20:399", "rooms": 1},\n  {"cadastralNumber": "20:399", "rooms": "x"}\n]',
    );
    const report = await importFile(duplicate);
    expect(report.lines[1]).toMatch(/^line 3 \(row 2\): rooms: The value must be of type integer/);
  });

  it('refuses an unknown registry, format or column with exit 64', async () => {
    const json = path.join(folder, 'more.json');
    await expect(
      registryImportCommand(config, 'nowhere', json, {}, { out: () => undefined }),
    ).rejects.toMatchObject({
      exitCode: ExitCode.badInput,
      message: expect.stringContaining('REGISTRY_NOT_FOUND'),
    });
    const text = await file('flats.txt', 'x');
    await expect(importFile(text)).rejects.toMatchObject({
      exitCode: ExitCode.badInput,
      message: expect.stringContaining('.json or .csv'),
    });
    const columns = await file('columns.csv', 'cadastralNumber,colour\n20:311,red\n');
    await expect(importFile(columns)).rejects.toMatchObject({
      message: expect.stringContaining('REGISTRY_IMPORT_UNKNOWN_COLUMN'),
    });
  });
});
