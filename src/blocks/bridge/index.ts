/**
 * The bridge block's public API (work in progress: see README.md). Apps and blocks import from
 * here only.
 */
export {
  evidenceVerifyCommand,
  type EvidenceVerifyOptions,
} from './cli/evidence-verify-command.js';
export { bridgeMessages } from './messages.js';
export { bridgePlugin, type BridgePluginOptions } from './plugin.js';
// The catalogue's services, for the smart-bridge developer portal.
export type { Actor as BridgeActor, BridgeDeps } from './service/deps.js';
export { bridgeDeps } from './service/deps.js';
export { sealMessageLog } from './service/log-sealer.js';
export type { ContractState, ContractStatus, Grant } from './domain/access-contract.js';
export type { Endpoint } from './domain/endpoint-pattern.js';
export {
  addSubsystem,
  findMember,
  isManager,
  issueMemberCertificate,
  listMemberCertificates,
  registerMember,
  type IssuedMemberCertificate,
  type Member,
} from './service/members.js';
export {
  endpointsOf,
  findPassport,
  listPassports,
  publishPassport,
  type Passport,
  type PassportContent,
} from './service/passports.js';
export {
  decideContract,
  findContract,
  getContractFor,
  listContracts,
  requestContract,
  type Contract,
  type ContractDecision,
} from './service/contracts.js';
export { setProviderCredential } from './service/provider-credentials.js';
