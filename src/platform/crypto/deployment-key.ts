import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The deployment's own Ed25519 key pair: it signs the audit log's checkpoints. Generated on the
 * first start, kept under DATA_DIR/keys (private key PKCS#8 PEM, mode 0600; public key SPKI PEM
 * beside it, for auditors), reused after.
 */
export interface DeploymentKey {
  /** SHA-256 (hex) of the DER-encoded public key (SubjectPublicKeyInfo). */
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export const PRIVATE_KEY_FILE = 'deployment-ed25519.pem';
export const PUBLIC_KEY_FILE = 'deployment-ed25519.pub.pem';

/** The key id of a public key: SHA-256 (hex) of its DER SubjectPublicKeyInfo. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(der).digest('hex');
}

/** A fresh key that lives only in memory (tests, benchmarks). */
export function generateDeploymentKey(): DeploymentKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/** The key pair from a PKCS#8 PEM private key. Throws if it is not an Ed25519 key. */
export function deploymentKeyFromPem(pem: string): DeploymentKey {
  const privateKey = crypto.createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`the deployment key must be Ed25519, found ${privateKey.asymmetricKeyType}`);
  const publicKey = crypto.createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/**
 * Loads DATA_DIR/keys/deployment-ed25519.pem, creating the key on first use. Two processes
 * starting together end up with the same key: the new key is written to a temporary file and
 * hard-linked into place, which fails if another process got there first; its key is then read.
 *
 * Outcomes: the key; throws if the file exists but is not an Ed25519 PKCS#8 PEM, or on an I/O error.
 */
export async function loadOrCreateDeploymentKey(dataDir: string): Promise<DeploymentKey> {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, PRIVATE_KEY_FILE);
  const existing = await readIfExists(file);
  if (existing !== null) return deploymentKeyFromPem(existing);

  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const key = generateDeploymentKey();
  const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(temporary, pem, { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return deploymentKeyFromPem(await fs.readFile(file, 'utf8'));
  } finally {
    await fs.rm(temporary, { force: true });
  }
  await fs.writeFile(
    path.join(dir, PUBLIC_KEY_FILE),
    key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    { mode: 0o644 },
  );
  return key;
}

/**
 * The deployment's public key as stored under DATA_DIR/keys, without creating anything: from the
 * private key file if present, else from the public key file; null when neither exists.
 */
export async function readDeploymentPublicKey(dataDir: string): Promise<KeyObject | null> {
  const dir = path.join(dataDir, 'keys');
  const privatePem = await readIfExists(path.join(dir, PRIVATE_KEY_FILE));
  if (privatePem !== null) return deploymentKeyFromPem(privatePem).publicKey;
  const publicPem = await readIfExists(path.join(dir, PUBLIC_KEY_FILE));
  return publicPem === null ? null : readPublicKeyPem(publicPem);
}

/** An Ed25519 public key from SPKI PEM. Throws if it is not one. */
export function readPublicKeyPem(pem: string): KeyObject {
  const key = crypto.createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`expected an Ed25519 public key, found ${key.asymmetricKeyType}`);
  return key;
}

/** Ed25519 signature of a message. */
export const signBytes = (key: DeploymentKey, message: Buffer): Buffer =>
  crypto.sign(null, message, key.privateKey);

/** True when `signature` is a valid Ed25519 signature of `message` by `publicKey`. */
export const verifySignature = (
  publicKey: KeyObject,
  message: Buffer,
  signature: Buffer,
): boolean => crypto.verify(null, message, publicKey, signature);

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
