import {
  findRecord,
  findRecordsBy,
  listRecords,
  type ReadContext,
} from '../../../blocks/registries/index.js';
import type { Database } from '../../../platform/db/database.js';
import { buildingOf } from '../domain/cadastral.js';
import type { Encumbrance, FlatFacts, Owner } from '../repo/tables.js';
import type { RedevDeps } from './deps.js';

export interface LoadedFlat {
  flat: FlatFacts;
  building: string;
  owners: Owner[];
  buildingOwners: Owner[];
  encumbrances: Encumbrance[];
}

/** Whether the real-estate registry holds this flat (the flats registry holds no personal data). */
export async function flatExists(
  db: Database,
  deps: RedevDeps,
  context: ReadContext,
  cadastralNumber: string,
): Promise<boolean> {
  if (!buildingOf(cadastralNumber)) return false;
  return (
    (await findRecord(db, deps.registries, context, 'flats', { cadastralNumber })) !== undefined
  );
}

const ownerOf = (data: Record<string, unknown>): Owner | undefined => {
  const share = `${String(data.shareNumerator)}/${String(data.shareDenominator)}`;
  if (typeof data.ownerIin === 'string') return { kind: 'person', id: data.ownerIin, share };
  if (typeof data.ownerBin === 'string') return { kind: 'organisation', id: data.ownerBin, share };
  return undefined;
};

/**
 * The flat, its owners with their shares, the owners of every premises of its building and the
 * flat's active encumbrances, from the real-estate registry (every read of an owner recorded for
 * that owner). Outcomes: the facts; undefined when the registry holds no such flat.
 */
export async function loadFlat(
  db: Database,
  deps: RedevDeps,
  context: ReadContext,
  cadastralNumber: string,
): Promise<LoadedFlat | undefined> {
  const building = buildingOf(cadastralNumber);
  if (!building) return undefined;
  const record = await findRecord(db, deps.registries, context, 'flats', { cadastralNumber });
  if (!record) return undefined;
  const owners = (
    await findRecordsBy(db, deps.registries, context, 'flat-owners', { cadastralNumber }, 100)
  )
    .map((r) => ownerOf(r.data))
    .filter((o): o is Owner => o !== undefined);
  const inBuilding = await listRecords(db, deps.registries, context, 'flat-owners', {
    search: `${building}/`,
    searchField: 'cadastralNumber',
    page: 1,
    pageSize: 1000,
  });
  const seen = new Set<string>();
  const buildingOwners: Owner[] = [];
  for (const r of inBuilding.records) {
    if (buildingOf(String(r.data.cadastralNumber)) !== building) continue;
    const owner = ownerOf(r.data);
    if (!owner || seen.has(`${owner.kind}:${owner.id}`)) continue;
    seen.add(`${owner.kind}:${owner.id}`);
    buildingOwners.push({ ...owner, share: '' });
  }
  const encumbrances = (
    await findRecordsBy(db, deps.registries, context, 'encumbrances', { cadastralNumber }, 100)
  )
    .filter((r) => r.data.status === 'active')
    .map((r) => ({
      kind: String(r.data.kind),
      authority: String(r.data.authority ?? ''),
      status: String(r.data.status),
    }));
  const data = record.data;
  return {
    flat: {
      cadastralNumber,
      address: String(data.address),
      areaSquareMetres: Number(data.areaSquareMetres),
      rooms: typeof data.rooms === 'number' ? data.rooms : null,
      buildingYear: typeof data.buildingYear === 'number' ? data.buildingYear : null,
    },
    building,
    owners,
    buildingOwners,
    encumbrances,
  };
}
