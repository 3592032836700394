import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { DomainError } from '../errors.js';
import { LocalFileStore } from './local-file-store.js';
import { DOCUMENT_TYPES } from './media-types.js';
import { IFC, PNG, pdf } from './test-content.js';
import { getFile, openFile, uploadFile, type FilesContext } from './upload-service.js';

let database: TestDatabase;
let root: string;
let context: FilesContext;
const uploader = '00000000-0000-4000-8000-000000000001';
const now = new Date('2026-03-10T09:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-upload-'));
  context = {
    db: database.db,
    store: new LocalFileStore(root),
    now: () => now,
    uploadLimitBytes: 4096,
  };
});
afterAll(async () => {
  await database.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

const filesOnDisk = () =>
  (fs.readdirSync(root, { recursive: true }) as string[]).filter((e) =>
    fs.statSync(path.join(root, e)).isFile(),
  );
const rowCount = async () =>
  Number(
    (
      await database.db
        .selectFrom('platform_file')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const upload = (content: Buffer | Readable, originalName: string, allowedTypes = DOCUMENT_TYPES) =>
  uploadFile(context, { content, originalName, uploadedBy: uploader, allowedTypes });

/** Runs `action`, expects a DomainError with `code`, and that no file and no row was added. */
async function expectRefused(action: () => Promise<unknown>, code: string) {
  const [files, rows] = [filesOnDisk().length, await rowCount()];
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect(filesOnDisk()).toHaveLength(files);
  expect(await rowCount()).toBe(rows);
  return error as DomainError;
}

describe('uploadFile', () => {
  it('stores the content, detects its type from the bytes and records the metadata', async () => {
    const record = await upload(Readable.from([pdf('first')]), 'C:\\Users\\me\\Заявление.PDF');
    expect(record).toMatchObject({
      size: pdf('first').length,
      media_type: 'application/pdf',
      original_name: 'Заявление.PDF',
      uploaded_by: uploader,
      created_at: now,
    });
    expect(await getFile(context, record.id)).toEqual(record);
    const opened = await openFile(context, record.id);
    expect(await buffer(opened.content)).toEqual(pdf('first'));
  });

  it('stores the same content once for two uploads, with two rows', async () => {
    const a = await upload(PNG, 'scan.png');
    const b = await upload(PNG, 'scan-again.PNG');
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(filesOnDisk().filter((f) => f.endsWith(a.sha256))).toHaveLength(1);
  });

  it('recognises an IFC model (STEP text) by its header, and refuses other text', async () => {
    const record = await upload(IFC, 'flat-15.ifc', ['model/step']);
    expect(record).toMatchObject({ media_type: 'model/step', size: IFC.length });
    await expectRefused(
      () => upload(Buffer.from('just some text\n'), 'notes.ifc', ['model/step']),
      'FILES_TYPE_NOT_ALLOWED',
    );
    await expectRefused(() => upload(IFC, 'flat-15.pdf', ['model/step']), 'FILES_TYPE_MISMATCH');
  });

  it('refuses a PNG named .pdf (type from content, not name)', async () => {
    const error = await expectRefused(() => upload(PNG, 'certificate.pdf'), 'FILES_TYPE_MISMATCH');
    expect(error.params).toEqual({ extension: 'png' });
  });

  it('refuses a type the upload does not accept, and content of no known type', async () => {
    const error = await expectRefused(
      () => upload(PNG, 'photo.png', ['application/pdf']),
      'FILES_TYPE_NOT_ALLOWED',
    );
    expect(error.status).toBe(415);
    expect(error.params).toEqual({ allowed: 'PDF' });
    await expectRefused(
      () => upload(Buffer.from('just some text'), 'note.txt'),
      'FILES_TYPE_NOT_ALLOWED',
    );
  });

  it('refuses a file over UPLOAD_LIMIT_BYTES and leaves nothing in the directory', async () => {
    const big = Buffer.concat([pdf(), Buffer.alloc(5000, ' ')]);
    const error = await expectRefused(
      () => upload(Readable.from([big]), 'big.pdf'),
      'FILES_TOO_LARGE',
    );
    expect(error.status).toBe(413);
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('refuses an empty file and an unusable name', async () => {
    await expectRefused(() => upload(Buffer.alloc(0), 'empty.pdf'), 'FILES_EMPTY');
    await expectRefused(() => upload(pdf(), '   '), 'FILES_NAME_INVALID');
    await expectRefused(() => upload(pdf(), 'a/b/'), 'FILES_NAME_INVALID');
    await expectRefused(() => upload(pdf(), 'bad\u0000name.pdf'), 'FILES_NAME_INVALID');
  });

  it('says FILES_NOT_FOUND for an unknown or malformed id', async () => {
    await expect(getFile(context, '00000000-0000-4000-8000-00000000ffff')).rejects.toMatchObject({
      code: 'FILES_NOT_FOUND',
      status: 404,
    });
    await expect(openFile(context, 'not-a-uuid')).rejects.toMatchObject({
      code: 'FILES_NOT_FOUND',
    });
  });

  it('joins the caller’s transaction: a rollback leaves no row', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await uploadFile(
          { ...context, db: trx },
          {
            content: pdf('rolled back'),
            originalName: 'x.pdf',
            uploadedBy: uploader,
            allowedTypes: DOCUMENT_TYPES,
          },
        );
        throw new Error('the caller fails later');
      }),
    ).rejects.toThrow('the caller fails later');
    const rows = await database.db
      .selectFrom('platform_file')
      .select('id')
      .where('original_name', '=', 'x.pdf')
      .execute();
    expect(rows).toEqual([]);
  });
});
