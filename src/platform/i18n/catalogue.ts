import type { Locale } from './locales.js';

/**
 * One message: its text in every UI language and a note that tells the translator where it
 * appears. Placeholders are written `{name}`.
 */
export interface MessageDefinition {
  note: string;
  kk: string;
  ru: string;
  en: string;
}

export type MessageCatalogue = Record<string, MessageDefinition>;

/** Keeps the literal ids so a module can refer to its own messages with type checking. */
export const defineMessages = <T extends MessageCatalogue>(messages: T): T => messages;

export type Translate = (id: string, params?: Record<string, string | number>) => string;

/** All the messages of the installed modules; built once at start-up by app.ts. */
export class Catalogue {
  private readonly messages = new Map<string, MessageDefinition>();

  add(module: string, messages: MessageCatalogue): this {
    for (const [id, definition] of Object.entries(messages)) {
      if (this.messages.has(id)) throw new Error(`Message id ${id} of ${module} is defined twice`);
      this.messages.set(id, definition);
    }
    return this;
  }

  has(id: string): boolean {
    return this.messages.has(id);
  }

  ids(): string[] {
    return [...this.messages.keys()];
  }

  /** An unknown id renders as the id itself, so a missing message is visible, never blank. */
  translate(locale: Locale, id: string, params: Record<string, string | number> = {}): string {
    const text = this.messages.get(id)?.[locale] ?? id;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  }

  translator(locale: Locale): Translate {
    return (id, params) => this.translate(locale, id, params);
  }
}
