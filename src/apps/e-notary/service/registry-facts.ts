import {
  findRecord,
  findRecordsBy,
  type ReadContext,
  type RegistryRecord,
} from '../../../blocks/registries/index.js';
import type { LocalDate } from '../../../platform/calendar/local-date.js';
import type { Database } from '../../../platform/db/database.js';
import type { ActDraft } from '../domain/act-draft.js';
import type {
  ConsentFact,
  EncumbranceFact,
  Facts,
  LicenceFact,
  OrganisationFact,
  OwnerFact,
  PersonFact,
  PropertyFact,
} from '../domain/facts.js';
import { share } from '../domain/share.js';
import { findAct, findActIdByRegisterNumber } from '../repo/acts-repo.js';
import { findPowersOfAttorney } from '../repo/powers-of-attorney-repo.js';
import type { ENotaryDeps } from './deps.js';

/*
 * The facts the pre-deal checks read, loaded from the registries block (population, legal
 * entities, flats with their owners and encumbrances) and from this app's own registers (powers
 * of attorney, signed consents), read in the caller's transaction as the notary with the legal
 * basis of the Law "On Notaries", so every read of personal data leaves its access record.
 */

const later = (a: Date, b: Date) => (b.getTime() > a.getTime() ? b : a);

/** The registry facts about people and organisations by identifier. */
async function readParties(
  trx: Database,
  deps: ENotaryDeps,
  context: ReadContext,
  iins: Set<string>,
  bins: Set<string>,
  seen: (record: RegistryRecord) => void,
) {
  const people = new Map<string, PersonFact>();
  for (const iin of iins) {
    const record = await findRecord(trx, deps.registries, context, 'population', { iin });
    if (!record) continue;
    seen(record);
    const spouseIin = record.data.spouseIin as string | undefined;
    const marriedOn = record.data.marriedOn as LocalDate | undefined;
    people.set(iin, {
      iin,
      deathDate: (record.data.deceasedDate as LocalDate | undefined) ?? null,
      // A court's decision is entered once it has taken effect: its presence is the incapacity.
      incapacitated: record.data.incapacitatedOn != null,
      // A spouse without a wedding day cannot tell separate from joint property: the check then
      // treats the property as joint, as when the register does not say when a right was acquired.
      spouse: spouseIin ? { iin: spouseIin, marriedOn: marriedOn ?? '0000-01-01' } : null,
    });
  }
  const organisations = new Map<string, OrganisationFact>();
  for (const bin of bins) {
    const record = await findRecord(trx, deps.registries, context, 'legal-entities', { bin });
    if (!record) continue;
    seen(record);
    organisations.set(bin, {
      bin,
      status: record.data.status === 'liquidated' ? 'liquidated' : 'active',
    });
  }
  return { people, organisations };
}

/** A flat with its owners and its encumbrances, or undefined when the register has no such flat. */
export async function readProperty(
  trx: Database,
  deps: ENotaryDeps,
  context: ReadContext,
  cadastralNumber: string,
  seen: (record: RegistryRecord) => void = () => undefined,
): Promise<PropertyFact | undefined> {
  const flat = await findRecord(trx, deps.registries, context, 'flats', { cadastralNumber });
  if (!flat) return undefined;
  seen(flat);
  const ownerRecords = await findRecordsBy(
    trx,
    deps.registries,
    context,
    'flat-owners',
    { cadastralNumber },
    1000,
  );
  const owners: OwnerFact[] = ownerRecords.map((record) => {
    seen(record);
    const data = record.data;
    return {
      owner:
        typeof data.ownerIin === 'string'
          ? { kind: 'person', id: data.ownerIin }
          : { kind: 'organisation', id: String(data.ownerBin) },
      share: share(BigInt(Number(data.shareNumerator)), BigInt(Number(data.shareDenominator))),
      acquiredOn: (data.registeredOn as LocalDate | undefined) ?? null,
    };
  });
  const encumbranceRecords = await findRecordsBy(
    trx,
    deps.registries,
    context,
    'encumbrances',
    { cadastralNumber },
    1000,
  );
  const encumbrances: EncumbranceFact[] = encumbranceRecords.map((record) => {
    seen(record);
    const data = record.data;
    // A lifted encumbrance counts as released when its record last changed.
    const releasedAt = data.status === 'lifted' ? record.updatedAt : null;
    const id = String(data.registrationNumber);
    return data.kind === 'mortgage' && typeof data.authorityBin === 'string'
      ? {
          id,
          kind: 'mortgage',
          mortgagee: { kind: 'organisation', id: data.authorityBin },
          releasedAt,
        }
      : data.kind === 'mortgage'
        ? { id, kind: 'other', description: String(data.authority), releasedAt }
        : { id, kind: 'arrest', authority: String(data.authority), releasedAt };
  });
  return { cadastralNumber, owners, encumbrances };
}

/** Signed consent acts attached to a draft, by register number. */
async function readConsents(trx: Database, numbers: string[]) {
  const consents = new Map<string, ConsentFact>();
  let newest = new Date(0);
  for (const number of numbers) {
    const actId = await findActIdByRegisterNumber(trx, number);
    const act = actId ? await findAct(trx, actId) : undefined;
    if (!act || act.kind !== 'consent' || !act.entry) continue;
    const consenter = act.draft.parties.find((party) => party.role === 'consenter');
    const recipient = act.draft.parties.find((party) => party.role === 'recipient');
    if (!consenter) continue;
    consents.set(number, {
      registerNumber: number,
      consenterIin: consenter.id,
      recipientIin: recipient?.id ?? '',
      cadastralNumber: act.draft.cadastralNumber ?? null,
    });
    newest = later(newest, act.entry.signedAt);
  }
  return { consents, newest };
}

/**
 * Every fact the checks of this draft need. `asOf` is the newest change among them: a registry
 * record's last version, a power of attorney's entry or revocation, a consent's signing.
 */
export async function loadFacts(
  trx: Database,
  deps: ENotaryDeps,
  context: ReadContext,
  draft: ActDraft,
  notaryLicence: (LicenceFact & { changedAt?: Date }) | undefined,
): Promise<Facts> {
  let asOf = notaryLicence?.changedAt ?? new Date(0);
  const seen = (record: RegistryRecord) => {
    asOf = later(asOf, record.updatedAt);
  };
  const numbers = draft.parties.flatMap((party) =>
    party.representative ? [party.representative.powerOfAttorney] : [],
  );
  const powers = await findPowersOfAttorney(trx, numbers);
  const now = deps.platform.now();
  for (const poa of powers) {
    asOf = later(asOf, poa.createdAt);
    if (poa.revokedAt && poa.revokedAt.getTime() <= now.getTime())
      asOf = later(asOf, poa.revokedAt);
  }

  const iins = new Set<string>();
  const bins = new Set<string>();
  for (const party of draft.parties) {
    (party.kind === 'person' ? iins : bins).add(party.id);
    if (party.representative) iins.add(party.representative.iin);
  }
  for (const poa of powers) {
    (poa.principal.kind === 'person' ? iins : bins).add(poa.principal.id);
    iins.add(poa.representativeIin);
  }
  const { people, organisations } = await readParties(trx, deps, context, iins, bins, seen);
  const property = draft.cadastralNumber
    ? await readProperty(trx, deps, context, draft.cadastralNumber, seen)
    : undefined;
  const { consents, newest } = await readConsents(trx, draft.attachedConsents ?? []);
  asOf = later(asOf, newest);

  return {
    asOf,
    people,
    organisations,
    ...(property ? { property } : {}),
    ...(notaryLicence ? { notaryLicence: withoutChangedAt(notaryLicence) } : {}),
    powersOfAttorney: new Map(powers.map((poa) => [poa.registerNumber, poa])),
    consents,
  };
}

const withoutChangedAt = ({
  changedAt: _changedAt,
  ...licence
}: LicenceFact & { changedAt?: Date }): LicenceFact => licence;
