import { sql, type Generated } from 'kysely';
import type { Migration } from '../db/migration.js';

/** Metadata of each uploaded or issued file; the content itself lives in the FileStore. */
export interface PlatformFileTable {
  id: Generated<string>;
  sha256: string;
  size: number;
  media_type: string;
  original_name: string;
  uploaded_by: string | null;
  created_at: Date;
}

declare module '../db/tables.js' {
  interface Tables {
    platform_file: PlatformFileTable;
  }
}

export const platformFilesMigrations: Migration[] = [
  {
    number: 1,
    name: 'create-file',
    up: async (db) => {
      await sql`
        create table platform_file (
          id uuid primary key default gen_random_uuid(),
          sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
          size bigint not null check (size > 0),
          media_type text not null,
          original_name text not null check (length(original_name) between 1 and 255),
          uploaded_by uuid,
          created_at timestamptz not null
        )`.execute(db);
      await sql`create index platform_file_sha256 on platform_file (sha256)`.execute(db);
      await sql`comment on table platform_file is 'One row per file attached to or issued by the platform; several rows may share one stored content'`.execute(
        db,
      );
      await sql`comment on column platform_file.sha256 is 'SHA-256 of the content, hex: the name of the content in the file store'`.execute(
        db,
      );
      await sql`comment on column platform_file.size is 'Size of the content in bytes'`.execute(db);
      await sql`comment on column platform_file.media_type is 'Media type detected from the content itself, never taken from the name or the client'`.execute(
        db,
      );
      await sql`comment on column platform_file.original_name is 'File name as the uploader gave it, without any directory part'`.execute(
        db,
      );
      await sql`comment on column platform_file.uploaded_by is 'Account that uploaded the file; null for documents the platform issued itself'`.execute(
        db,
      );
      await sql`comment on column platform_file.created_at is 'When the file was stored'`.execute(
        db,
      );
    },
  },
];
