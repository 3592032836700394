import { DomainError } from '../../../platform/errors.js';
import { templateProblems, type MessageTemplate } from './template.js';

/** A template definition broke the rules; raised at start-up with every problem listed. */
export class TemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid message templates:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'TemplateError';
  }
}

const sameDefinition = (a: MessageTemplate, b: MessageTemplate) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The templates blocks and apps send with, by id. Registering validates every template (all
 * three languages, the same parameters everywhere) and refuses the whole batch if one is wrong,
 * so a broken template stops the start instead of failing when a citizen is to be told something.
 * Registering the very same definition again is accepted (a module imported twice, tests).
 */
export class TemplateRegistry {
  readonly #templates = new Map<string, MessageTemplate>();

  register(templates: MessageTemplate[]): void {
    const problems = templates.flatMap((template) => templateProblems(template));
    const seen = new Map<string, MessageTemplate>();
    for (const template of templates) {
      const earlier = seen.get(template.id) ?? this.#templates.get(template.id);
      if (earlier && !sameDefinition(earlier, template)) {
        problems.push(`template ${template.id} is defined twice with different texts`);
      }
      seen.set(template.id, template);
    }
    if (problems.length > 0) throw new TemplateError(problems);
    for (const template of templates) this.#templates.set(template.id, structuredClone(template));
  }

  find(id: string): MessageTemplate | undefined {
    return this.#templates.get(id);
  }

  /** Outcomes: the template; MESSAGING_TEMPLATE_UNKNOWN (a programming error, 500). */
  get(id: string): MessageTemplate {
    const template = this.#templates.get(id);
    if (!template) throw new DomainError('MESSAGING_TEMPLATE_UNKNOWN', 500, { template: id });
    return template;
  }

  ids(): string[] {
    return [...this.#templates.keys()].sort();
  }
}
