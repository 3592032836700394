import { TemplateRegistry } from '../domain/template-registry.js';
import type { MessageTemplate } from '../domain/template.js';

/**
 * The deployment's message templates. One registry per process: templates are code, shipped
 * with the module that sends them, and the feed stores only their ids.
 */
export const messagingTemplates = new TemplateRegistry();

/**
 * Adds templates (call it when a block or app loads, before it publishes).
 * Outcomes: returns; throws TemplateError listing every problem (a language missing, parameters
 * that differ between languages, a bad id, an id taken by a different template), adding none.
 */
export function registerTemplates(templates: MessageTemplate[]): void {
  messagingTemplates.register(templates);
}
