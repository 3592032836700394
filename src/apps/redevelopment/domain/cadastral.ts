/**
 * The building a flat is in: its cadastral number without the premises part
 * (`20:311:004:017:1/15` is flat 15 of building `20:311:004:017:1`). A number without a
 * premises part names no flat: undefined.
 */
export function buildingOf(cadastralNumber: string): string | undefined {
  const match = /^(\d{2}:\d{3}:\d{3}:\d{3,4}:[1-9]\d{0,2})[:/][1-9]\d{0,3}$/.exec(cadastralNumber);
  return match?.[1];
}
