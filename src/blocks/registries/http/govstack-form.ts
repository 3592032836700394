import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../../../platform/http/problem.js';
import type { RegistryRecord } from '../service/record-reads.js';

/**
 * GovStack clients of two API generations call the same registries: the current one writes
 * `id`, `firstName`; the as-tested one (before the October 2023 renaming) writes `ID`,
 * `FirstName` and kebab-case paths. Both are read the same way (field names are folded); the
 * answer is written in the caller's form: as-tested when it came by an as-tested path or spelled
 * its field names with a capital.
 */
export type ApiForm = 'current' | 'as-tested';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which GovStack API generation a route's path belongs to. */
    form?: ApiForm;
  }
}

export function formOf(request: FastifyRequest, content?: Record<string, unknown>): ApiForm {
  if (request.routeOptions.config.form === 'as-tested') return 'as-tested';
  if (content && Object.keys(content).some((key) => /^[A-Z]/.test(key))) return 'as-tested';
  return 'current';
}

const capitalise = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** A record's content as the caller's generation spells it. */
export function present(record: RegistryRecord, form: ApiForm): Record<string, unknown> {
  const content: Record<string, unknown> = { [form === 'as-tested' ? 'ID' : 'id']: record.id };
  for (const [name, value] of Object.entries(record.data))
    content[form === 'as-tested' ? capitalise(name) : name] = value;
  return content;
}

/**
 * 404 for a record that is not there: problem+json with the stable code, whose `detail` is the
 * `no record found` GovStack clients test for.
 */
export function recordNotFound(request: FastifyRequest, reply: FastifyReply) {
  const code = 'REGISTRY_RECORD_NOT_FOUND';
  return reply
    .status(404)
    .type(PROBLEM_CONTENT_TYPE)
    .send({
      type: `urn:ortaq:problem:${code}`,
      title: request.t(`error.${code}`),
      status: 404,
      code,
      detail: 'no record found',
      instance: request.url.split('?')[0] ?? '/',
      requestId: String(request.id),
    });
}
