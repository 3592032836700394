/**
 * The bridge block's public API (work in progress: see README.md). Apps and blocks import from
 * here only.
 */
export {
  evidenceVerifyCommand,
  type EvidenceVerifyOptions,
} from './cli/evidence-verify-command.js';
