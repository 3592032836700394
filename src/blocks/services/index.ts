import type { FastifyInstance } from 'fastify';
import type { ServiceDefinition } from './domain/definition.js';
import { ServicesEngine } from './service/engine.js';
import type { ServicesPorts } from './service/ports.js';

export { servicesMessages } from './messages.js';
export { servicesMigrations } from './migrations/index.js';
export { servicesPlugin, type ServicesPluginOptions } from './plugin.js';
export { ServicesEngine } from './service/engine.js';
export { servicesDeps, type Actor, type RequestFacts, type ServicesDeps } from './service/deps.js';
export type * from './service/ports.js';
export type {
  ServiceDefinition,
  FormField,
  Transition,
  Clock,
  ClockLength,
  Localised,
} from './domain/definition.js';
export { SUBMIT } from './domain/definition.js';
export {
  loadServiceDefinition,
  ServiceDefinitionError,
  SERVICE_ROLES,
} from './domain/validate-definition.js';
export {
  deriveStatus,
  allowedTransitions,
  type ActionRecord,
  type ApplicationStatus,
} from './domain/application-status.js';
export { replayClock, periodEnd, workingDaysLeft, type ClockState } from './domain/clock.js';
export { formSchema } from './domain/form-schema.js';
export { validateForm, type FormValues } from './domain/form-values.js';
export {
  submitApplication,
  prepareSubmission,
  writeSubmissions,
  type PreparedSubmission,
  type SubmitInput,
  type Submitted,
  type WrittenSubmission,
} from './service/submit-application.js';
export {
  performTransition,
  assignApplication,
  type TransitionInput,
} from './service/perform-transition.js';
export { uploadAttachment } from './service/attachments.js';
export {
  getApplication,
  listMyApplications,
  officerQueue,
  type ApplicationView,
  type ApplicationSummary,
} from './service/queries.js';
export { fireDeadline, sweepDueDeadlines } from './service/clocks.js';
export { checkForm } from './service/submit-application.js';
export {
  acceptMultipart,
  isPostedFile,
  type PostedFile,
  type MultipartBody,
} from './http/multipart.js';
export { actorOf } from './http/actor.js';
export { signedDecisions, type SignedDecision } from './domain/signed-decisions.js';
export { DECISION_DOCUMENT_KIND, trustDecisionSigner } from './service/decision-signer.js';

const engineOf = (target: FastifyInstance | ServicesEngine): ServicesEngine =>
  target instanceof ServicesEngine ? target : target.servicesEngine;

/**
 * Declares a service definition (identity function with type checking), for definitions written
 * as TypeScript objects: `export const permit = defineService({ ... })`.
 */
export const defineService = <T extends ServiceDefinition>(definition: T): T => definition;

/**
 * Validates and registers a definition on the running engine (the app's, or one a test built).
 * Outcomes: the typed definition; ServiceDefinitionError listing every problem.
 */
export function registerService(
  target: FastifyInstance | ServicesEngine,
  definition: unknown,
): ServiceDefinition {
  return engineOf(target).register(definition);
}

/** Wires ports (notifier, checks, documents, registries, licences) into the running engine. */
export function connectServicePorts(
  target: FastifyInstance | ServicesEngine,
  ports: ServicesPorts,
): void {
  engineOf(target).connect(ports);
}
