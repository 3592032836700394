import { Busboy, type BusboyHeaders, type BusboyInstance } from '@fastify/busboy';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../../platform/errors.js';

/** A file a form posted: its content is in memory, capped at the limit (then `tooLarge`). */
export interface PostedFile {
  filename: string;
  content: Buffer;
  tooLarge: boolean;
}

export type MultipartBody = Record<string, string | PostedFile>;

export const isPostedFile = (value: unknown): value is PostedFile =>
  typeof value === 'object' && value !== null && Buffer.isBuffer((value as PostedFile).content);

/**
 * Parses multipart/form-data (forms with file inputs) into a plain object in this plugin's scope:
 * text fields as strings, files as PostedFile. Parsing into the body (rather than a hook) keeps
 * the kernel's CSRF check working, since it reads `_csrf` from the body before validation.
 * Reading a file stops at `fileLimitBytes`: the rest is drained, never kept, and the file is
 * marked too large, so the upload service refuses it before anything is stored.
 */
export function acceptMultipart(app: FastifyInstance, fileLimitBytes: number) {
  app.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    let parser: BusboyInstance;
    try {
      parser = new Busboy({
        headers: request.headers as BusboyHeaders,
        limits: {
          fileSize: fileLimitBytes,
          files: 20,
          fields: 300,
          fieldSize: 200_000,
          parts: 320,
        },
      });
    } catch {
      done(new DomainError('HTTP_MALFORMED_JSON', 400), undefined);
      return;
    }
    const body: MultipartBody = {};
    const pending: Promise<void>[] = [];
    parser.on('field', (name: string, value: string) => {
      body[name] = value;
    });
    parser.on('file', (name, stream, filename) => {
      const chunks: Buffer[] = [];
      pending.push(
        new Promise<void>((resolve, reject) => {
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            // A file input left empty still sends a part, with no name and no content.
            if (filename || chunks.length > 0) {
              body[name] = {
                filename: filename ?? '',
                content: Buffer.concat(chunks),
                tooLarge: stream.truncated,
              };
            }
            resolve();
          });
        }),
      );
    });
    parser.on('finish', () => {
      Promise.all(pending).then(
        () => done(null, body),
        (error: Error) => done(error, undefined),
      );
    });
    parser.on('error', () => done(new DomainError('HTTP_MALFORMED_JSON', 400), undefined));
    payload.pipe(parser);
  });
}
