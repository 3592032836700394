import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, leafHash, MerkleTree, nodeHash, verifyInclusion } from './merkle-tree.js';

/** RFC 9162's recursive definition, written out as the RFC states it, to check the fast build. */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`e${i}`)));

describe('the message log’s Merkle tree (RFC 9162)', () => {
  it('hashes leaves and nodes apart, and the empty tree as the hash of nothing', () => {
    expect(leafHash(Buffer.from('')).toString('hex')).toBe(
      // SHA-256 of the single byte 0x00, RFC 9162's empty-leaf hash.
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(new MerkleTree([]).root).toEqual(EMPTY_ROOT);
    const [a, b] = leaves(2);
    expect(new MerkleTree([a!, b!]).root).toEqual(nodeHash(a!, b!));
  });

  it('property: the level-by-level root equals the RFC’s recursive definition', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (n) => {
        expect(new MerkleTree(leaves(n)).root).toEqual(referenceRoot(leaves(n)));
      }),
    );
  });

  it('property: every leaf’s proof verifies, and fails for another leaf, index, size or root', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 200 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
        ([n, index]) => {
          const hashes = leaves(n);
          const tree = new MerkleTree(hashes);
          const proof = tree.inclusionProof(index);
          const claim = { leaf: hashes[index]!, index, treeSize: n, proof, root: tree.root };
          expect(verifyInclusion(claim)).toBe(true);
          expect(verifyInclusion({ ...claim, leaf: leafHash(Buffer.from('forged')) })).toBe(false);
          if (n > 1) {
            expect(verifyInclusion({ ...claim, index: (index + 1) % n })).toBe(false);
            expect(verifyInclusion({ ...claim, root: leafHash(Buffer.from('x')) })).toBe(false);
          }
          expect(verifyInclusion({ ...claim, index: n })).toBe(false);
        },
      ),
    );
  });

  it('property: one flipped bit anywhere in a proof breaks it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 100 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        (n, pick, step, bit) => {
          const tree = new MerkleTree(leaves(n));
          const index = pick % n;
          const proof = tree.inclusionProof(index).map((p) => Buffer.from(p));
          const at = step % proof.length;
          const node = proof[at]!;
          node[bit % 32] = node[bit % 32]! ^ (1 << (bit % 8));
          expect(
            verifyInclusion({
              leaf: leaves(n)[index]!,
              index,
              treeSize: n,
              proof,
              root: tree.root,
            }),
          ).toBe(false);
        },
      ),
    );
  });

  it('refuses a proof for a leaf outside the tree', () => {
    expect(() => new MerkleTree(leaves(3)).inclusionProof(3)).toThrow(RangeError);
  });
});
