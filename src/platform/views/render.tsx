import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageContextValue, type PageContext } from './page-context.js';

/** Renders a whole page; JSX escapes every value, so no user text can become markup. */
export function renderDocument(context: PageContext, page: ComponentChildren): string {
  return (
    '<!doctype html>' +
    renderToString(<PageContextValue.Provider value={context}>{page}</PageContextValue.Provider>)
  );
}
