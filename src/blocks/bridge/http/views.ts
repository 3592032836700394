import type { CertificateView } from '../../trust/index.js';
import type { ConsentDecision } from '../../consent/domain/consent-decision.js';
import type { Contract } from '../service/contracts.js';
import type { Member } from '../service/members.js';
import type { Passport } from '../service/passports.js';

/** The JSON forms of the bridge's records: dates as ISO strings, nothing internal. */
export const memberView = (member: Member) => ({
  ...member,
  registeredAt: member.registeredAt.toISOString(),
});

export const certificateView = (certificate: CertificateView) => ({
  id: certificate.id,
  serial: certificate.serial,
  holderName: certificate.holderName,
  notBefore: certificate.notBefore.toISOString(),
  notAfter: certificate.notAfter.toISOString(),
  status: certificate.status,
  pem: certificate.pem,
});

export const passportView = (passport: Passport) => {
  const { address: _address, ...rest } = passport;
  return {
    ...rest,
    publishedAt: passport.publishedAt.toISOString(),
    history: passport.history.map((h) => ({
      version: h.version,
      publishedAt: h.publishedAt.toISOString(),
    })),
  };
};

export const contractView = (contract: Contract) => ({
  id: contract.id,
  passportId: contract.passportId,
  service: contract.service,
  consumerSubsystemId: contract.consumerSubsystemId,
  consumer: contract.consumer,
  purpose: contract.purpose,
  legalBasis: contract.legalBasis,
  expectedVolume: contract.expectedVolume,
  requestedAt: contract.requestedAt.toISOString(),
  state: contract.status.state,
  ...(contract.status.grant ? { grant: contract.status.grant } : {}),
  history: contract.history.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
});

export const consentView = (decision: ConsentDecision) =>
  decision.granted
    ? { granted: true, since: decision.since.toISOString(), until: decision.until.toISOString() }
    : { granted: false, reason: decision.reason };
