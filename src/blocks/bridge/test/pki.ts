import { KeyObject, webcrypto } from 'node:crypto';
import { ED25519, x509 } from '../../trust/service/x509.js';

/** A certificate with its private key, as the trust block issues them: Ed25519. */
export interface TestHolder {
  pem: string;
  privateKey: KeyObject;
  keys: CryptoKeyPair;
}

const newKeys = async () =>
  (await webcrypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;

/** A deployment CA: self-signed, allowed to issue certificates. */
export async function testAuthority(name: string): Promise<TestHolder> {
  const keys = await newKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name}`,
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2036-01-01T00:00:00Z'),
    keys,
    signingAlgorithm: ED25519,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  return { pem: certificate.toString('pem'), privateKey: KeyObject.from(keys.privateKey), keys };
}

/** A certificate the CA issues to a member or gateway, valid between the two dates. */
export async function testIssued(
  authority: TestHolder,
  name: string,
  validity: { from: Date; to: Date },
): Promise<TestHolder> {
  const keys = await newKeys();
  const issuer = new x509.X509Certificate(authority.pem);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `CN=${name}`,
    issuer: issuer.subject,
    notBefore: validity.from,
    notAfter: validity.to,
    signingKey: authority.keys.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ED25519,
  });
  return { pem: certificate.toString('pem'), privateKey: KeyObject.from(keys.privateKey), keys };
}
