import type { FastifyBaseLogger } from 'fastify';
import { findAgencyByCode } from '../blocks/identity/repo/agencies-repo.js';
import { findAccountByPerson } from '../blocks/identity/repo/accounts-repo.js';
import {
  findOrganisationByNationalId,
  findPersonByNationalId,
} from '../blocks/identity/repo/people-repo.js';
import { addAgency } from '../blocks/identity/service/agencies.js';
import { identityDeps } from '../blocks/identity/service/deps.js';
import { addOrganisation } from '../blocks/identity/service/people.js';
import { createUser, type NewUser } from '../blocks/identity/service/users.js';
import type { Platform } from '../platform/platform.js';
import type { TrustDeps } from '../blocks/trust/index.js';

/*
 * Demo sign-ins (Kazakhstan profile). Every account has the password `ortaq-demo-2025`; sign in
 * with the username or the IIN. Officers and the administrator also need the 6-digit code of the
 * TOTP secret (SHA-1, 6 digits, 30 s), e.g. `oathtool --totp -b <secret>`.
 *
 *   role                         username      IIN           TOTP secret
 *   citizen                      demo-citizen  850725400024  —
 *   business director            demo-business 900101300017  —  (director of BIN 150440012344)
 *   officer, digital ministry    demo-officer  950604400057  N5ZHIYLREBSGK3LPEBXWMZTJMNSXEIBR
 *   agency head, Almaty akimat   demo-head     870909300081  N5ZHIYLREBSGK3LPEBQWW2LNMF2CA2DE
 *   administrator                demo-admin    881120300047  N5ZHIYLREBSGK3LPEBQWI3LJNYQDAMBR
 *
 * The registries' demo seed adds the people of its population registry, and two licensed
 * professionals who sign in too: demo-notary (IIN 750312400107) and demo-architect
 * (IIN 800915300200), both citizens whose licences sit in the licence registry.
 *
 * These secrets are public: a real deployment never runs the demo seed.
 */
export const DEMO_PASSWORD = 'ortaq-demo-2025';

export const DEMO_AGENCIES = [
  {
    code: 'ministry-digital',
    names: {
      kk: 'Қазақстан Республикасының Цифрлық даму министрлігі',
      ru: 'Министерство цифрового развития Республики Казахстан',
      en: 'Ministry of Digital Development of the Republic of Kazakhstan',
    },
  },
  {
    // Owns the e-Notary app: it licenses notaries and keeps the notarial registers.
    code: 'ministry-justice',
    names: {
      kk: 'Қазақстан Республикасының Әділет министрлігі',
      ru: 'Министерство юстиции Республики Казахстан',
      en: 'Ministry of Justice of the Republic of Kazakhstan',
    },
  },
  {
    code: 'akimat-almaty',
    names: {
      kk: 'Алматы қаласының әкімдігі',
      ru: 'Акимат города Алматы',
      en: 'Akimat of the City of Almaty',
    },
  },
] as const;

export const DEMO_USERS: (Omit<NewUser, 'password'> & { username: string })[] = [
  {
    username: 'demo-citizen',
    nationalId: '850725400024',
    familyName: 'Садықова',
    givenName: 'Әйгерім',
    patronymic: 'Нұрланқызы',
    role: 'citizen',
  },
  {
    username: 'demo-business',
    nationalId: '900101300017',
    familyName: 'Бекұлы',
    givenName: 'Данияр',
    role: 'citizen',
  },
  {
    username: 'demo-officer',
    nationalId: '950604400057',
    familyName: 'Омарова',
    givenName: 'Дана',
    role: 'officer',
    agencyCode: 'ministry-digital',
    totpSecret: 'N5ZHIYLREBSGK3LPEBXWMZTJMNSXEIBR',
  },
  {
    username: 'demo-head',
    nationalId: '870909300081',
    familyName: 'Әбенов',
    givenName: 'Ерлан',
    role: 'agency-head',
    agencyCode: 'akimat-almaty',
    totpSecret: 'N5ZHIYLREBSGK3LPEBQWW2LNMF2CA2DE',
  },
  {
    username: 'demo-admin',
    nationalId: '881120300047',
    familyName: 'Жұмабеков',
    givenName: 'Асқар',
    role: 'admin',
    totpSecret: 'N5ZHIYLREBSGK3LPEBQWI3LJNYQDAMBR',
  },
];

export const DEMO_BUSINESS = {
  nationalId: '150440012344',
  name: '«Дала Тех» ЖШС',
  directorNationalId: '900101300017',
};

/**
 * Demo data for a first look: a citizen, a business (with its director), three agencies (two
 * with an officer), an administrator, and the registries' demo records. Idempotent: what exists already is left as it is. The demo
 * identifiers are Kazakh, so other country profiles get no demo data.
 */
export async function seedDemo(
  platform: Platform,
  log: FastifyBaseLogger,
  blocks: { trust?: TrustDeps } = {},
): Promise<void> {
  if (platform.country.id !== 'kz') {
    log.warn({ country: platform.country.id }, 'demo data exists for the kz profile only; skipped');
    return;
  }
  const deps = identityDeps(platform);
  const { db } = platform;
  for (const agency of DEMO_AGENCIES) {
    if (await findAgencyByCode(db, agency.code)) continue;
    await db.transaction().execute((trx) => addAgency(trx, platform.now(), agency));
  }
  let created = 0;
  for (const user of DEMO_USERS) {
    const person = await findPersonByNationalId(db, platform.country.id, user.nationalId);
    if (person && (await findAccountByPerson(db, person.id))) continue;
    await createUser(deps, { ...user, password: DEMO_PASSWORD }, null);
    created += 1;
  }
  if (!(await findOrganisationByNationalId(db, platform.country.id, DEMO_BUSINESS.nationalId))) {
    const director = await findPersonByNationalId(
      db,
      platform.country.id,
      DEMO_BUSINESS.directorNationalId,
    );
    await db.transaction().execute((trx) =>
      addOrganisation(trx, deps, {
        nationalId: DEMO_BUSINESS.nationalId,
        name: DEMO_BUSINESS.name,
        directorPersonId: director?.id ?? null,
      }),
    );
  }
  const { seedDemoRegistries } = await import('../blocks/registries/index.js');
  await seedDemoRegistries(platform, log, { password: DEMO_PASSWORD });
  if (platform.apps.some((app) => app.id === 'smart-bridge')) {
    const { seedSmartBridgeDemo } = await import('../apps/smart-bridge/seed/demo.js');
    await seedSmartBridgeDemo(platform, log, blocks.trust ? { trust: blocks.trust } : {});
  }
  log.info({ accountsCreated: created }, 'demo data ready');
}
