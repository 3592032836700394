import { PATHS } from '../../../platform/views/paths.js';

/** Addresses of the inbox pages; routes and links both use these (the layout links the list). */
export const INBOX_PATHS = {
  list: PATHS.inbox,
  page: (page: number) => `/inbox?page=${page}`,
  message: (id: string) => `/inbox/${encodeURIComponent(id)}`,
} as const;
