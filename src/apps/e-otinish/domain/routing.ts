/*
 * Routing an appeal to the competent body by its category and region. The table is data (see
 * definition/routing-table.ts); this is the rule that reads it: the most specific row wins (a
 * category and region row over a category-only row over a region-only row over the default).
 */

/** One row: `category` or `region` absent means "any". */
export interface Route {
  category?: string;
  region?: string;
  agencyCode: string;
}

const specificity = (route: Route): number => (route.category ? 2 : 0) + (route.region ? 1 : 0);

/**
 * The agency code competent for an appeal of `category` in `region`, or undefined when no row
 * matches (the caller then uses its default body: intake never refuses an appeal).
 */
export function routeAppeal(
  table: readonly Route[],
  appeal: { category: string; region: string },
): string | undefined {
  let best: Route | undefined;
  for (const route of table) {
    if (route.category !== undefined && route.category !== appeal.category) continue;
    if (route.region !== undefined && route.region !== appeal.region) continue;
    if (!best || specificity(route) > specificity(best)) best = route;
  }
  return best?.agencyCode;
}
