import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { DomainError } from '../errors.js';
import { FileNotFoundError, FileTooLargeError, type FileStore } from './file-store.js';
import { detectType } from './detect-type.js';
import { EXTENSIONS, typeLabels } from './media-types.js';
import type { PlatformFileTable } from './migrations.js';

export type FileRecord = Selectable<PlatformFileTable>;

export interface FilesContext {
  /** The database, or a transaction the row should join. */
  db: Database;
  store: FileStore;
  now: () => Date;
  /** UPLOAD_LIMIT_BYTES. */
  uploadLimitBytes: number;
}

export interface UploadInput {
  content: Buffer | Readable;
  /** The name the uploader's device gave; only its last path segment is kept. */
  originalName: string;
  /** The account uploading, or null for a document the platform issues. */
  uploadedBy: string | null;
  /** Media types this upload accepts, e.g. DOCUMENT_TYPES. */
  allowedTypes: readonly string[];
}

/**
 * Stores an uploaded file and records its metadata.
 *
 * Outcomes:
 * - the new platform_file row (the content stored once under its SHA-256, whoever else has
 *   uploaded the same bytes);
 * - DomainError FILES_NAME_INVALID (400): no usable name;
 * - FILES_TOO_LARGE (413): more than UPLOAD_LIMIT_BYTES; reading stops at the limit;
 * - FILES_EMPTY (400): no content;
 * - FILES_TYPE_NOT_ALLOWED (415): the type detected from the content (never from the name or
 *   the client's Content-Type) is not among allowedTypes, or no type could be detected;
 * - FILES_TYPE_MISMATCH (422): the name's extension belongs to another type than the content.
 * On every refusal neither a file nor a row is left behind. If the database write fails after
 * the content was committed, the content stays unreferenced (harmless: the same bytes under
 * their own hash); a later sweep may remove content no row refers to.
 */
export async function uploadFile(context: FilesContext, input: UploadInput): Promise<FileRecord> {
  const originalName = cleanName(input.originalName);
  if (!originalName) {
    if (!Buffer.isBuffer(input.content)) input.content.resume();
    throw new DomainError('FILES_NAME_INVALID', 400);
  }

  let staged;
  try {
    staged = await context.store.stage(input.content, { maxBytes: context.uploadLimitBytes });
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw new DomainError('FILES_TOO_LARGE', 413, {
        limitMb: Math.round((context.uploadLimitBytes / 1_048_576) * 10) / 10,
      });
    }
    throw error;
  }

  try {
    if (staged.size === 0) throw new DomainError('FILES_EMPTY', 400);
    const detected = await detectType(() => staged.read());
    if (!detected || !input.allowedTypes.includes(detected.mime)) {
      throw new DomainError('FILES_TYPE_NOT_ALLOWED', 415, {
        allowed: typeLabels(input.allowedTypes),
      });
    }
    const extension = path.extname(originalName).slice(1).toLowerCase();
    const accepted = EXTENSIONS[detected.mime] ?? [detected.ext];
    if (extension && !accepted.includes(extension)) {
      throw new DomainError('FILES_TYPE_MISMATCH', 422, { extension: accepted[0] ?? detected.ext });
    }

    const insert = async (db: Database) => {
      const row = await db
        .insertInto('platform_file')
        .values({
          sha256: staged.sha256,
          size: staged.size,
          media_type: detected.mime,
          original_name: originalName,
          uploaded_by: input.uploadedBy,
          created_at: context.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // Inside the transaction: should the content not reach its place, the row rolls back.
      await staged.commit();
      return row;
    };
    return context.db.isTransaction
      ? await insert(context.db)
      : await context.db.transaction().execute(insert);
  } finally {
    await staged.discard();
  }
}

/** The metadata of a file; DomainError FILES_NOT_FOUND (404) when there is none. */
export async function getFile(context: Pick<FilesContext, 'db'>, id: string): Promise<FileRecord> {
  const row = isUuid(id)
    ? await context.db
        .selectFrom('platform_file')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new DomainError('FILES_NOT_FOUND', 404);
  return row;
}

/**
 * A file's metadata and content. Outcomes: both; FILES_NOT_FOUND (404) when no row or no stored
 * content exists. The stream fails with FileCorruptError at its end if the stored bytes no longer
 * match their hash.
 */
export async function openFile(
  context: Pick<FilesContext, 'db' | 'store'>,
  id: string,
): Promise<{ file: FileRecord; content: Readable }> {
  const file = await getFile(context, id);
  try {
    return { file, content: await context.store.open(file.sha256) };
  } catch (error) {
    if (error instanceof FileNotFoundError) throw new DomainError('FILES_NOT_FOUND', 404);
    throw error;
  }
}

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The last path segment of a client's file name, or '' when nothing usable is left. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  // eslint-disable-next-line no-control-regex
  if (base.length === 0 || base.length > 255 || /[\u0000-\u001f\u007f]/.test(base)) return '';
  if (base === '.' || base === '..') return '';
  return base;
}
