/**
 * The registry of flat plan versions in the real-estate catalogue: one record per registered
 * redevelopment, keyed by its registration number, found by the flat's cadastral number. The
 * app defines it (idempotently) the first time it registers a plan. No personal data: owners
 * stay in flat-owners, the architect is named by licence number.
 */
export const PLANS_REGISTRY_DEFINITION = {
  name: 'flat-plans',
  version: '1.0',
  title: {
    kk: 'Жылжымайтын мүлік тізілімі: пәтер жоспарлары',
    ru: 'Правовой кадастр: планы квартир',
    en: 'Real estate register: flat plans',
  },
  description:
    'Registered plan versions of flats (redevelopments): registration number, flat, version, route, the architect’s licence, the plan file digest and status.',
  institution: 'Akimat (local executive body), architecture and urban planning department',
  legalBasis:
    'Law of the Republic of Kazakhstan «On housing relations» (16.04.1997), Art. 42; Law «On architectural, urban planning and construction activity» (16.07.2001)',
  group: 'Kazakhstan state registers',
  catalog: 'Real estate',
  key: 'registrationNumber',
  fields: [
    { name: 'registrationNumber', type: 'string', required: true, maxLength: 40 },
    { name: 'cadastralNumber', type: 'string', required: true, maxLength: 40, indexed: true },
    { name: 'planVersion', type: 'integer', required: true },
    {
      name: 'route',
      type: 'enum',
      values: ['self-certification', 'expert-review'],
      required: true,
    },
    { name: 'architectLicence', type: 'string', required: true, maxLength: 40 },
    { name: 'planSha256', type: 'string', required: true, maxLength: 64 },
    { name: 'registeredOn', type: 'date', required: true },
    { name: 'status', type: 'enum', values: ['registered', 'revoked'], required: true },
  ],
  permissions: {
    read: { roles: ['officer'], scopes: ['real-estate:read'] },
    write: { roles: [], scopes: ['real-estate:write'] },
  },
};
