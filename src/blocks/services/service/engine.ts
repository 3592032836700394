import type { Database } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { agencyExists } from '../repo/applications-repo.js';
import type { ServiceDefinition } from '../domain/definition.js';
import { loadServiceDefinition } from '../domain/validate-definition.js';
import type { ServicesDeps } from './deps.js';
import type { ServicesPorts } from './ports.js';

/**
 * The services engine of one running platform: the kernel's services, the ports the wiring
 * passed, and the service definitions registered so far (every version, so an application made
 * under an older version is still read with the definition it was made under).
 */
export class ServicesEngine {
  readonly #current = new Map<string, ServiceDefinition>();
  readonly #versions = new Map<string, ServiceDefinition>();
  readonly #knownAgencies = new Set<string>();

  #ports: ServicesPorts;

  constructor(
    readonly deps: ServicesDeps,
    ports: ServicesPorts = {},
  ) {
    this.#ports = { ...ports, checks: { ...ports.checks } };
  }

  get ports(): Readonly<ServicesPorts> {
    return this.#ports;
  }

  /**
   * Adds ports (and named checks) after start-up: an app mounted later wires what its services
   * need before registering them. A port already wired is replaced; checks are merged by name.
   */
  connect(ports: ServicesPorts): void {
    const checks = { ...this.#ports.checks, ...ports.checks };
    this.#ports = { ...this.#ports, ...ports, checks };
  }

  /**
   * Validates and registers a definition.
   *
   * Outcomes: the typed definition; ServiceDefinitionError (SERVICES_DEFINITION_INVALID) listing
   * every problem; SERVICES_DEFINITION_CONFLICT when this id and version is already registered
   * with other content (a changed definition needs a new version).
   */
  register(input: unknown): ServiceDefinition {
    const wired = [
      ...(this.ports.notifier ? (['message'] as const) : []),
      ...(this.ports.documents ? (['document'] as const) : []),
      ...(this.ports.registries ? (['registry-write'] as const) : []),
    ];
    const definition = loadServiceDefinition(input, {
      knownChecks: Object.keys(this.ports.checks ?? {}),
      wiredOutputs: wired,
    });
    if (!this.ports.licences && definition.applicants.some((a) => a.kind === 'professional')) {
      throw new DomainError(
        'SERVICES_DEFINITION_INVALID',
        400,
        { service: definition.id, count: 1 },
        [
          {
            field: 'applicants',
            code: 'SERVICES_DEFINITION_OUTPUT_NOT_WIRED',
            params: { kind: 'licences' },
          },
        ],
      );
    }
    const key = `${definition.id}@${definition.version}`;
    const existing = this.#versions.get(key);
    if (existing && JSON.stringify(existing) !== JSON.stringify(definition)) {
      throw new DomainError('SERVICES_DEFINITION_CONFLICT', 409, {
        service: definition.id,
        version: definition.version,
      });
    }
    this.#versions.set(key, definition);
    const current = this.#current.get(definition.id);
    if (!current || current.version <= definition.version)
      this.#current.set(definition.id, definition);
    return definition;
  }

  /** The current definition; DomainError SERVICES_NOT_FOUND (404) when none is registered. */
  get(serviceId: string): ServiceDefinition {
    const definition = this.#current.get(serviceId);
    if (!definition) throw new DomainError('SERVICES_NOT_FOUND', 404);
    return definition;
  }

  find(serviceId: string): ServiceDefinition | undefined {
    return this.#current.get(serviceId);
  }

  /** The definition an application was made under (falls back to the current one). */
  forApplication(serviceId: string, version: number): ServiceDefinition {
    return this.#versions.get(`${serviceId}@${version}`) ?? this.get(serviceId);
  }

  /**
   * Whether an agency has this code. A code once found is remembered for the life of the process:
   * agencies are never removed (the identity block has no way to), so only a miss asks again.
   */
  async agencyExists(db: Database, code: string): Promise<boolean> {
    if (this.#knownAgencies.has(code)) return true;
    const exists = await agencyExists(db, code);
    if (exists) this.#knownAgencies.add(code);
    return exists;
  }

  list(): ServiceDefinition[] {
    return [...this.#current.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
