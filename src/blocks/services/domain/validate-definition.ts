import { Value } from '@sinclair/typebox/value';
import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import { ServiceDefinition, SUBMIT, type FormField } from './definition.js';

/** Roles a transition may name: the applicant, the system (clocks), and officer roles. */
export const SERVICE_ROLES = [
  'applicant',
  'system',
  'officer',
  'agency-head',
  'agency-deputy',
] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

const LOCALES = ['kk', 'ru', 'en'] as const;

/** One thing wrong with a definition: a stable code, where (a JSON path), and what. */
export interface DefinitionProblem extends FieldProblem {
  params: Record<string, string | number>;
}

/**
 * A definition the engine refuses to load. `fields` lists every problem found (path and code);
 * the message spells them out for the developer who wrote the definition.
 */
export class ServiceDefinitionError extends DomainError {
  constructor(
    readonly serviceId: string,
    readonly problems: DefinitionProblem[],
  ) {
    super(
      'SERVICES_DEFINITION_INVALID',
      400,
      { service: serviceId, count: problems.length },
      problems,
    );
    this.name = 'ServiceDefinitionError';
    this.message =
      `Service definition ${JSON.stringify(serviceId)} is invalid:\n` +
      problems.map((p) => `- ${p.field}: ${p.code} ${JSON.stringify(p.params)}`).join('\n');
  }
}

export interface DefinitionContext {
  /** Names of the automatic checks the wiring provides; undefined skips that check. */
  knownChecks?: readonly string[];
  /** Which output kinds have a port wired; undefined skips that check. */
  wiredOutputs?: readonly ('message' | 'document' | 'registry-write')[];
}

/**
 * Checks a definition and returns it typed, or throws ServiceDefinitionError listing every
 * problem: a wrong shape, a missing translation, a duplicate id, a condition on an unknown or
 * later field, a transition to an unknown state, an unknown role, an unreachable state, a clock
 * without a stop or tied to an unknown transition, a check the wiring does not provide.
 */
export function loadServiceDefinition(
  input: unknown,
  context: DefinitionContext = {},
): ServiceDefinition {
  const id =
    typeof input === 'object' &&
    input !== null &&
    typeof (input as { id?: unknown }).id === 'string'
      ? (input as { id: string }).id
      : '(no id)';
  const problems: DefinitionProblem[] = [];
  const add = (field: string, code: string, params: Record<string, string | number> = {}) =>
    problems.push({ field, code, params });

  findMissingTranslations(input, '', add);
  const translationPaths = problems.map((p) => p.field);
  if (!Value.Check(ServiceDefinition, input)) {
    for (const error of [...Value.Errors(ServiceDefinition, input)].slice(0, 10)) {
      const path = error.path.replace(/^\//, '').replaceAll('/', '.') || '(root)';
      // A missing translation is reported above with a clearer code; the schema's complaint
      // about it (often "Expected union value" on an enclosing object) would only confuse.
      if (
        translationPaths.some(
          (t) => t === path || t.startsWith(`${path}.`) || path.startsWith(`${t}.`),
        )
      ) {
        continue;
      }
      add(path, 'SERVICES_DEFINITION_SHAPE', { problem: error.message });
    }
    throw new ServiceDefinitionError(id, dedupe(problems));
  }
  const definition = input;
  checkSemantics(definition, context, add);
  if (problems.length > 0) throw new ServiceDefinitionError(id, dedupe(problems));
  return definition;
}

type Add = (field: string, code: string, params?: Record<string, string | number>) => void;

/** Every object with any of kk/ru/en must have all three, non-empty. */
function findMissingTranslations(value: unknown, path: string, add: Add) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findMissingTranslations(item, `${path}.${index}`, add));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  if (LOCALES.some((locale) => locale in record)) {
    for (const locale of LOCALES) {
      const text = record[locale];
      if (typeof text !== 'string' || text.trim() === '') {
        add(path.slice(1) || '(root)', 'SERVICES_DEFINITION_MISSING_TRANSLATION', { locale });
      }
    }
    return;
  }
  for (const [key, child] of Object.entries(record))
    findMissingTranslations(child, `${path}.${key}`, add);
}

function checkSemantics(definition: ServiceDefinition, context: DefinitionContext, add: Add) {
  const duplicates = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((one, index) => {
      if (seen.has(one)) add(`${kind}.${index}`, 'SERVICES_DEFINITION_DUPLICATE_ID', { id: one });
      seen.add(one);
    });
  };
  duplicates(
    'fields',
    definition.fields.map((f) => f.name),
  );
  duplicates(
    'states',
    definition.states.map((s) => s.id),
  );
  duplicates(
    'transitions',
    definition.transitions.map((t) => t.id),
  );
  duplicates(
    'clocks',
    (definition.clocks ?? []).map((c) => c.id),
  );
  duplicates(
    'checks',
    (definition.checks ?? []).map((c) => c.id),
  );
  if (definition.transitions.some((t) => t.id === SUBMIT)) {
    add('transitions', 'SERVICES_DEFINITION_RESERVED_ID', { id: SUBMIT });
  }

  // Fields: conditions refer to an earlier field and a value it can take; ranges make sense.
  const earlier = new Map<string, FormField>();
  definition.fields.forEach((field, index) => {
    const path = `fields.${index}`;
    if (field.when) {
      const target = earlier.get(field.when.field);
      if (!target) {
        add(`${path}.when.field`, 'SERVICES_DEFINITION_UNKNOWN_FIELD', { field: field.when.field });
      } else if (!conditionValueFits(target, field.when.equals)) {
        add(`${path}.when.equals`, 'SERVICES_DEFINITION_BAD_CONDITION', {
          field: field.when.field,
          value: String(field.when.equals),
        });
      }
    }
    if ((field.type === 'text' || field.type === 'long-text') && field.minLength !== undefined) {
      if (field.maxLength !== undefined && field.minLength > field.maxLength) {
        add(path, 'SERVICES_DEFINITION_BAD_RANGE', { field: field.name });
      }
    }
    if (
      field.type === 'number' &&
      field.min !== undefined &&
      field.max !== undefined &&
      field.min > field.max
    ) {
      add(path, 'SERVICES_DEFINITION_BAD_RANGE', { field: field.name });
    }
    if (field.type === 'text' && field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        add(`${path}.pattern`, 'SERVICES_DEFINITION_BAD_PATTERN', { field: field.name });
      }
    }
    earlier.set(field.name, field);
  });
  const fieldNames = new Set(definition.fields.map((f) => f.name));

  (definition.checks ?? []).forEach((check, index) => {
    for (const name of check.fields ?? []) {
      if (!fieldNames.has(name)) {
        add(`checks.${index}.fields`, 'SERVICES_DEFINITION_UNKNOWN_FIELD', { field: name });
      }
    }
    if (context.knownChecks && !context.knownChecks.includes(check.check)) {
      add(`checks.${index}.check`, 'SERVICES_DEFINITION_UNKNOWN_CHECK', { check: check.check });
    }
  });

  // States and transitions.
  const states = new Set(definition.states.map((s) => s.id));
  if (!states.has(definition.initial)) {
    add('initial', 'SERVICES_DEFINITION_UNKNOWN_STATE', { state: definition.initial });
  }
  const roles = new Set<string>(SERVICE_ROLES);
  definition.transitions.forEach((transition, index) => {
    const path = `transitions.${index}`;
    transition.from.forEach((from, j) => {
      if (!states.has(from))
        add(`${path}.from.${j}`, 'SERVICES_DEFINITION_UNKNOWN_STATE', { state: from });
    });
    if (!states.has(transition.to)) {
      add(`${path}.to`, 'SERVICES_DEFINITION_UNKNOWN_STATE', { state: transition.to });
    }
    transition.roles.forEach((role, j) => {
      if (!roles.has(role)) add(`${path}.roles.${j}`, 'SERVICES_DEFINITION_UNKNOWN_ROLE', { role });
    });
    (transition.outputs ?? []).forEach((output, j) => {
      if (context.wiredOutputs && !context.wiredOutputs.includes(output.kind)) {
        add(`${path}.outputs.${j}`, 'SERVICES_DEFINITION_OUTPUT_NOT_WIRED', { kind: output.kind });
      }
      if (output.kind === 'registry-write') {
        for (const name of output.fields) {
          if (!fieldNames.has(name)) {
            add(`${path}.outputs.${j}.fields`, 'SERVICES_DEFINITION_UNKNOWN_FIELD', {
              field: name,
            });
          }
        }
      }
    });
  });
  for (const state of definition.states) {
    if (state.final && definition.transitions.some((t) => t.from.includes(state.id))) {
      add(`states.${definition.states.indexOf(state)}`, 'SERVICES_DEFINITION_FINAL_HAS_EXIT', {
        state: state.id,
      });
    }
  }
  if (states.has(definition.initial)) {
    const reached = reachable(definition);
    definition.states.forEach((state, index) => {
      if (!reached.has(state.id)) {
        add(`states.${index}`, 'SERVICES_DEFINITION_UNREACHABLE_STATE', { state: state.id });
      }
    });
  }

  // Clocks: every event names a real transition; every clock can stop.
  const transitions = new Map(definition.transitions.map((t) => [t.id, t]));
  const events = new Set([SUBMIT, ...transitions.keys()]);
  (definition.clocks ?? []).forEach((clock, index) => {
    const path = `clocks.${index}`;
    if (clock.stopOn.length === 0) {
      add(`${path}.stopOn`, 'SERVICES_DEFINITION_CLOCK_WITHOUT_STOP', { clock: clock.id });
    }
    const named: [string, string[]][] = [
      ['startOn', clock.startOn],
      ['pauseOn', clock.pauseOn ?? []],
      ['resumeOn', clock.resumeOn ?? []],
      ['stopOn', clock.stopOn],
      ['extendOn', (clock.extendOn ?? []).map((e) => e.transition)],
    ];
    for (const [key, ids] of named) {
      ids.forEach((one, j) => {
        if (!events.has(one)) {
          add(`${path}.${key}.${j}`, 'SERVICES_DEFINITION_UNKNOWN_TRANSITION', { transition: one });
        }
      });
    }
    if ((clock.pauseOn?.length ?? 0) > 0 && (clock.resumeOn?.length ?? 0) === 0) {
      add(`${path}.resumeOn`, 'SERVICES_DEFINITION_CLOCK_WITHOUT_RESUME', { clock: clock.id });
    }
    if (clock.onExpiry !== undefined) {
      const expiry = transitions.get(clock.onExpiry);
      if (!expiry) {
        add(`${path}.onExpiry`, 'SERVICES_DEFINITION_UNKNOWN_TRANSITION', {
          transition: clock.onExpiry,
        });
      } else if (!expiry.roles.includes('system')) {
        add(`${path}.onExpiry`, 'SERVICES_DEFINITION_EXPIRY_NOT_SYSTEM', {
          transition: clock.onExpiry,
        });
      }
    }
  });
}

function conditionValueFits(target: FormField, value: string | number | boolean): boolean {
  switch (target.type) {
    case 'choice':
      return typeof value === 'string' && target.options.some((option) => option.value === value);
    case 'yes-no':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'attachment':
      return false;
    default:
      return typeof value === 'string';
  }
}

function reachable(definition: ServiceDefinition): Set<string> {
  const reached = new Set([definition.initial]);
  const queue = [definition.initial];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const transition of definition.transitions) {
      if (transition.from.includes(state) && !reached.has(transition.to)) {
        reached.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  return reached;
}

const dedupe = (problems: DefinitionProblem[]) => {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.code}|${JSON.stringify(p.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
