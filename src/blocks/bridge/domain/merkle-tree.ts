import { createHash } from 'node:crypto';

/*
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, section 2.1), over SHA-256: the
 * message log batches exchanges into trees whose roots the gateway signs, as X-Road batches
 * its timestamps. Leaves are hashed with a 0x00 prefix and inner nodes with 0x01, so a leaf can
 * never pass for a node. The tree of n leaves splits at the largest power of two below n; built
 * level by level, that is the same as pairing nodes left to right and carrying an unpaired last
 * node up unchanged, which is how it is built here (linear time, no recursion).
 *
 * Hand-written because it is the platform's own evidence format: a dozen lines of a published
 * algorithm, whose every byte an offline verifier must be able to re-derive.
 */

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

export const leafHash = (data: Uint8Array): Buffer =>
  createHash('sha256').update(LEAF).update(data).digest();

export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer =>
  createHash('sha256').update(NODE).update(left).update(right).digest();

/** The hash of the empty tree (RFC 9162: the hash of the empty string). */
export const EMPTY_ROOT = createHash('sha256').digest();

/** A tree over leaf hashes, with every level kept, so proofs cost no hashing. */
export class MerkleTree {
  readonly #levels: Buffer[][];

  constructor(leafHashes: readonly Buffer[]) {
    const levels: Buffer[][] = [[...leafHashes]];
    while (levels[levels.length - 1]!.length > 1) {
      const below = levels[levels.length - 1]!;
      const above: Buffer[] = [];
      for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i]!, below[i + 1]!));
      if (below.length % 2 === 1) above.push(below[below.length - 1]!);
      levels.push(above);
    }
    this.#levels = levels;
  }

  get size(): number {
    return this.#levels[0]!.length;
  }

  get root(): Buffer {
    return this.size === 0 ? EMPTY_ROOT : this.#levels[this.#levels.length - 1]![0]!;
  }

  /**
   * The inclusion proof (audit path) of the leaf at `index`: its siblings from the bottom up,
   * skipping the levels where the node has none and is carried up.
   */
  inclusionProof(index: number): Buffer[] {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`no leaf ${index} in a tree of ${this.size}`);
    }
    const proof: Buffer[] = [];
    let at = index;
    for (const level of this.#levels.slice(0, -1)) {
      const sibling = at ^ 1;
      if (sibling < level.length) proof.push(level[sibling]!);
      at >>= 1;
    }
    return proof;
  }
}

/**
 * RFC 9162 section 2.1.3.2: does `proof` show the leaf with hash `leaf` at `index` in the tree
 * of `treeSize` leaves whose root is `root`? Needs nothing but the four values: what an offline
 * verifier of an evidence file runs.
 */
export function verifyInclusion(input: {
  leaf: Uint8Array;
  index: number;
  treeSize: number;
  proof: readonly Uint8Array[];
  root: Uint8Array;
}): boolean {
  const { index, treeSize } = input;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize)) return false;
  if (index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r: Uint8Array = input.leaf;
  for (const p of input.proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && Buffer.from(r).equals(Buffer.from(input.root));
}
