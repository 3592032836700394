// @peculiar/x509 reads decorator metadata through the Reflect API, which Node lacks: the polyfill
// must be loaded before the library. Every use of the library in this block goes through here.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };

/** Ed25519 (RFC 8410): the algorithm of the CA and of every certificate it issues. */
export const ED25519 = { name: 'Ed25519' } as const;
