import type { Readable } from 'node:stream';
import { DomainError, isDomainError } from '../../../platform/errors.js';
import { uploadFile, type FileRecord } from '../../../platform/files/upload-service.js';
import type { Actor } from './deps.js';
import type { ServicesEngine } from './engine.js';

/**
 * Stores a file for an attachment field of a service's form, with the field's own limits: its
 * media types (detected from the content) and its size, whichever is smaller of the field's and
 * the deployment's. A refused file leaves nothing stored.
 *
 * Outcomes: the stored file (its id goes into the form value); SERVICES_NOT_FOUND (404);
 * SERVICES_FIELD_NOT_ATTACHMENT (400): the form has no such attachment field;
 * SERVICES_ATTACHMENT_TOO_LARGE (413) with the limit; the upload service's FILES_TYPE_NOT_ALLOWED
 * (415), FILES_TYPE_MISMATCH (422), FILES_EMPTY and FILES_NAME_INVALID (400).
 */
export async function uploadAttachment(
  engine: ServicesEngine,
  input: {
    serviceId: string;
    field: string;
    content: Buffer | Readable;
    originalName: string;
    actor: Actor;
  },
): Promise<FileRecord> {
  const field = engine.get(input.serviceId).fields.find((f) => f.name === input.field);
  if (!field || field.type !== 'attachment') {
    if (!Buffer.isBuffer(input.content)) input.content.resume();
    throw new DomainError('SERVICES_FIELD_NOT_ATTACHMENT', 400);
  }
  const limit = Math.min(field.maxBytes, engine.deps.uploadLimitBytes);
  try {
    return await uploadFile(
      {
        db: engine.deps.db,
        store: engine.deps.files,
        now: engine.deps.now,
        uploadLimitBytes: limit,
      },
      {
        content: input.content,
        originalName: input.originalName,
        uploadedBy: input.actor.accountId,
        allowedTypes: field.types,
      },
    );
  } catch (error) {
    if (isDomainError(error) && error.code === 'FILES_TOO_LARGE') {
      throw new DomainError('SERVICES_ATTACHMENT_TOO_LARGE', 413, { limit: sizeLabel(limit) });
    }
    throw error;
  }
}

/** 2000 -> "2 KB", 5242880 -> "5 MB": limits as people read them (units are the same in kk/ru/en UIs). */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1_048_576) return `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}
