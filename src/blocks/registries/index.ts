import type { FastifyInstance } from 'fastify';
import { dataApiRoutes } from './http/data-api-routes.js';
import { databaseApiRoutes } from './http/database-api-routes.js';
import { registryApiRoutes } from './http/registry-api-routes.js';

export { registriesMessages } from './messages.js';
export { registriesMigrations } from './migrations/index.js';
export { REGISTRY_SCOPES } from './domain/scopes.js';
export type { RegistryDefinition, FieldDefinition, FieldType } from './domain/definition.js';
export type { RecordData, FieldValue } from './domain/record-values.js';
export {
  registriesDeps,
  type RegistriesDeps,
  type RegistryActor,
  type ReadContext,
  type RegistryRef,
} from './service/deps.js';
export { personActor, SYSTEM_ACTOR } from './service/actors.js';
export {
  addRegistryDefinition,
  archiveRegistry,
  defineRegistry,
  getRegistry,
  listAllRegistries,
  type Registry,
} from './service/registries.js';
export {
  findRecord,
  findRecordsBy,
  getRecord,
  listRecords,
  readValue,
  recordExists,
  recordHistory,
  type RegistryRecord,
} from './service/record-reads.js';
export {
  createRecord,
  deleteRecord,
  updateRecord,
  writeRecord,
  type WriteInput,
} from './service/record-writes.js';
export { updateMatching, updateOrCreate } from './service/query-writes.js';
export { importRecords, type ImportReport, type RejectedRow } from './service/import.js';
export { liftSeals, personalDataUsage } from './service/seals.js';
export { seedDemoRegistries } from './seed/seed-demo-registries.js';

/**
 * The registries block's HTTP side: the GovStack Data API (`/data/...`), the GovStack Database
 * API (`/databases`, `/database/...`) and the block's own API (`/api/v1/registries/...`).
 * Registered encapsulated by app.ts after the kernel's plugins: its JSON parser (which takes the
 * empty body GovStack clients send on a repeated update) stays inside it.
 */
export async function registriesPlugin(app: FastifyInstance) {
  app.decorateRequest('imClient', null);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      (error as { statusCode?: number }).statusCode = 400;
      done(error as Error, undefined);
    }
  });
  await dataApiRoutes(app);
  await databaseApiRoutes(app);
  await registryApiRoutes(app);
}
