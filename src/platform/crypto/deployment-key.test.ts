import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateDeploymentKey,
  keyIdOf,
  loadOrCreateDeploymentKey,
  readDeploymentPublicKey,
  signBytes,
  verifySignature,
} from './deployment-key.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-key-'));
});
afterEach(() => fs.rm(dataDir, { recursive: true, force: true }));

describe('deployment key', () => {
  it('is generated on first start as a 0600 PKCS#8 PEM under keys/, and reused after', async () => {
    expect(await readDeploymentPublicKey(dataDir)).toBeNull();
    const first = await loadOrCreateDeploymentKey(dataDir);
    const file = path.join(dataDir, 'keys', 'deployment-ed25519.pem');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await fs.readFile(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');

    const again = await loadOrCreateDeploymentKey(dataDir);
    expect(again.keyId).toBe(first.keyId);
    const message = Buffer.from('checkpoint');
    expect(verifySignature(first.publicKey, message, signBytes(again, message))).toBe(true);
    expect(keyIdOf((await readDeploymentPublicKey(dataDir))!)).toBe(first.keyId);
  });

  it('ends up with one key when several processes start together', async () => {
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => loadOrCreateDeploymentKey(dataDir)),
    );
    expect(new Set(keys.map((key) => key.keyId)).size).toBe(1);
    expect((await fs.readdir(path.join(dataDir, 'keys'))).sort()).toEqual([
      'deployment-ed25519.pem',
      'deployment-ed25519.pub.pem',
    ]);
  });

  it('names the key by the SHA-256 of its DER public key', () => {
    const key = generateDeploymentKey();
    const der = key.publicKey.export({ type: 'spki', format: 'der' });
    expect(key.keyId).toBe(crypto.createHash('sha256').update(der).digest('hex'));
  });

  it('refuses a key file that is not Ed25519', async () => {
    await fs.mkdir(path.join(dataDir, 'keys'));
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await fs.writeFile(
      path.join(dataDir, 'keys', 'deployment-ed25519.pem'),
      privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    await expect(loadOrCreateDeploymentKey(dataDir)).rejects.toThrow(/must be Ed25519, found ec/);
  });

  it('rejects a signature by another key or of another message', () => {
    const key = generateDeploymentKey();
    const signature = signBytes(key, Buffer.from('a'));
    expect(verifySignature(key.publicKey, Buffer.from('b'), signature)).toBe(false);
    expect(verifySignature(generateDeploymentKey().publicKey, Buffer.from('a'), signature)).toBe(
      false,
    );
  });
});
