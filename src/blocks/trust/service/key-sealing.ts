import crypto from 'node:crypto';
import type { DeploymentKey } from '../../../platform/crypto/deployment-key.js';

/**
 * Seals private keys kept in the database (the CA's and the holders'), so that a copy of the
 * database alone (a backup, a replica) signs nothing. The sealing key is derived with HKDF-SHA256
 * from the deployment's Ed25519 private key (DATA_DIR/keys, mode 0600), for this purpose only;
 * each sealed key is AES-256-GCM encrypted with a fresh 96-bit nonce, and bound to its row by the
 * additional data (`label`), so a sealed key moved to another row does not open.
 *
 * Stored form: version byte 1 | nonce (12) | ciphertext | tag (16).
 */
export interface KeySealer {
  /** Key id of the deployment key the sealing key comes from (stored beside each sealed key). */
  keyId: string;
  seal(plain: Buffer, label: string): Buffer;
  /** The plain key; throws if it was sealed under another key, altered, or moved. */
  open(sealed: Buffer, label: string): Buffer;
}

const VERSION = 1;
const INFO = 'ortaq.trust.key-sealing.v1';

export function keySealerFor(deploymentKey: DeploymentKey): KeySealer {
  const secret = deploymentKey.privateKey.export({ type: 'pkcs8', format: 'der' });
  const key = Buffer.from(crypto.hkdfSync('sha256', secret, 'ortaq.trust', INFO, 32));
  return {
    keyId: deploymentKey.keyId,
    seal(plain, label) {
      const nonce = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(label, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), nonce, body, cipher.getAuthTag()]);
    },
    open(sealed, label) {
      if (sealed.length < 1 + 12 + 16 || sealed[0] !== VERSION)
        throw new Error('not a sealed key of a known version');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
      decipher.setAAD(Buffer.from(label, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([
        decipher.update(sealed.subarray(13, sealed.length - 16)),
        decipher.final(),
      ]);
    },
  };
}
