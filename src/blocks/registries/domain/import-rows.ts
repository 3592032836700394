import { parse } from 'csv-parse/sync';
import type { FieldProblem } from '../../../platform/errors.js';
import { foldFieldName, type RegistryDefinition } from './definition.js';
import { fromCsvCell } from './record-values.js';

export type ImportFormat = 'json' | 'csv';

/** One row of an import file, with where it stands in the file. */
export interface ImportRow {
  /** 1-based position among the rows. */
  row: number;
  /** Line of the file the row starts on (1-based), for the operator's editor. */
  line: number;
  values: Record<string, unknown>;
  /** Problems found while reading the row (before its values are checked). */
  problems: FieldProblem[];
}

export type ParsedImport =
  { ok: true; rows: ImportRow[] } | { ok: false; code: string; line?: number };

/**
 * Reads an import file: CSV with a header row of field names (any spelling GovStack clients
 * use), or JSON: an array of objects, or `{ "records": [...] }`. A file that cannot be read at
 * all is one problem (REGISTRY_IMPORT_UNREADABLE, or REGISTRY_IMPORT_UNKNOWN_COLUMN naming the
 * header); a row that cannot be read is reported with its line, and the others go on.
 */
export function parseImport(
  definition: RegistryDefinition,
  format: ImportFormat,
  content: string,
): ParsedImport {
  return format === 'csv' ? parseCsv(definition, content) : parseJson(content);
}

function parseCsv(definition: RegistryDefinition, content: string): ParsedImport {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, code: 'REGISTRY_IMPORT_UNREADABLE', ...(line ? { line } : {}) };
  }
  const [header, ...body] = records;
  if (!header) return { ok: true, rows: [] };
  const byFolded = new Map(definition.fields.map((field) => [foldFieldName(field.name), field]));
  const columns = header.record.map((name) => byFolded.get(foldFieldName(name)));
  if (columns.some((column) => column === undefined))
    return { ok: false, code: 'REGISTRY_IMPORT_UNKNOWN_COLUMN', line: 1 };
  return {
    ok: true,
    rows: body.map(({ record, info }, index) => {
      const values: Record<string, unknown> = {};
      const problems: FieldProblem[] = [];
      if (record.length !== columns.length)
        problems.push({
          field: '(row)',
          code: 'REGISTRY_IMPORT_COLUMN_COUNT',
          params: { expected: columns.length, found: record.length },
        });
      else
        columns.forEach((field, at) => {
          values[field!.name] = fromCsvCell(field!, record[at]!);
        });
      return { row: index + 1, line: info.lines, values, problems };
    }),
  };
}

function parseJson(content: string): ParsedImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { ok: false, code: 'REGISTRY_IMPORT_UNREADABLE' };
  }
  const list = Array.isArray(parsed)
    ? parsed
    : typeof parsed === 'object' &&
        parsed !== null &&
        Array.isArray((parsed as { records?: unknown }).records)
      ? (parsed as { records: unknown[] }).records
      : undefined;
  if (!list) return { ok: false, code: 'REGISTRY_IMPORT_UNREADABLE' };
  const lines = elementLines(content);
  return {
    ok: true,
    rows: list.map((item, index) => {
      const isRecord = typeof item === 'object' && item !== null && !Array.isArray(item);
      return {
        row: index + 1,
        line: lines[index] ?? 1,
        values: isRecord ? (item as Record<string, unknown>) : {},
        problems: isRecord ? [] : [{ field: '(row)', code: 'REGISTRY_IMPORT_ROW_NOT_OBJECT' }],
      };
    }),
  };
}

/**
 * The line each element of the records array starts on: the first array in the text (outside
 * strings) is the records array; its elements open one level deeper.
 */
export function elementLines(content: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let arrayDepth = -1;
  let inString = false;
  let escaped = false;
  let expectingElement = false;
  for (const char of content) {
    if (char === '\n') line += 1;
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (expectingElement && depth === arrayDepth && char !== ']') {
      lines.push(line);
      expectingElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (char === '[' && arrayDepth === -1) {
        arrayDepth = depth;
        expectingElement = true;
      }
    } else if (char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === arrayDepth) expectingElement = true;
  }
  return lines;
}
