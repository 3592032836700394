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
