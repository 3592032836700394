import type { FastifyRequest } from 'fastify';
import { isDomainError } from '../../../platform/errors.js';
import type { FormErrors } from '../../../platform/views/components/index.js';
import { filesOf } from '../repo/applications-repo.js';
import { sizeLabel, uploadAttachment } from '../service/attachments.js';
import type { ServicesEngine } from '../service/engine.js';
import type { FieldValue } from '../views/service-form.js';
import { actorOf } from './actor.js';
import { isPostedFile } from './multipart.js';

export interface PostedServiceForm {
  /** What goes to the engine: text as posted, each attachment as the ids of its stored files. */
  values: Record<string, unknown>;
  /** What the form shows again: text, and the name of a file already stored. */
  shown: Record<string, FieldValue>;
  /** A translated message per attachment refused (too large, wrong type): none of it stored. */
  errors: FormErrors;
}

/**
 * Reads a service's form as a page posted it (multipart, see acceptMultipart): text fields as
 * they are, each posted file stored through the upload service (which refuses a wrong type or
 * size before writing anything), and a file kept from an earlier try of the same form. The one
 * reading of service forms for the engine's pages and every app's own.
 */
export async function readServiceForm(
  engine: ServicesEngine,
  request: FastifyRequest,
  serviceId: string,
): Promise<PostedServiceForm> {
  const definition = engine.get(serviceId);
  const actor = actorOf(request);
  const body = (request.body ?? {}) as Record<string, unknown>;
  const form: PostedServiceForm = { values: {}, shown: {}, errors: {} };
  for (const field of definition.fields) {
    const posted = body[field.name];
    if (field.type !== 'attachment') {
      if (typeof posted === 'string') form.values[field.name] = form.shown[field.name] = posted;
      continue;
    }
    if (isPostedFile(posted)) {
      if (posted.tooLarge) {
        // Cut off at the deployment's limit while parsing: nothing of it was stored.
        const limit = Math.min(field.maxBytes, engine.deps.uploadLimitBytes);
        form.errors[field.name] = request.t('error.SERVICES_ATTACHMENT_TOO_LARGE', {
          limit: sizeLabel(limit),
        });
        continue;
      }
      try {
        const file = await uploadAttachment(engine, {
          serviceId,
          field: field.name,
          content: posted.content,
          originalName: posted.filename,
          actor,
        });
        form.values[field.name] = [file.id];
        form.shown[field.name] = { fileId: file.id, name: file.original_name };
      } catch (error) {
        if (!isDomainError(error)) throw error;
        form.errors[field.name] = request.t(`error.${error.code}`, error.params);
      }
    } else if (typeof body[`${field.name}__kept`] === 'string' && body[`${field.name}__kept`]) {
      // A file uploaded on an earlier try of this form; submitApplication checks it is theirs.
      const kept = body[`${field.name}__kept`] as string;
      const [file] = await filesOf(engine.deps.db, [kept]);
      form.values[field.name] = [kept];
      if (file?.uploaded_by === actor.accountId) {
        form.shown[field.name] = { fileId: kept, name: file.original_name };
      }
    }
  }
  return form;
}
