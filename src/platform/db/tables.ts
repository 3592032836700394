/**
 * The typed shape of every table, for Kysely. Each module adds its own tables by declaration
 * merging, next to the migration that creates them:
 *
 *   declare module '../../platform/db/tables.js' {
 *     interface Tables { audit_log: AuditLogTable }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Tables {}
