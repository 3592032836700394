import { parentPort, workerData } from 'node:worker_threads';
import { checkSegment, type SegmentRequest } from './verify-segments.js';
import type { CheckpointClaim } from './copy-row-checker.js';

/** A thread of `audit verify`: checks the segments of COPY output the main thread hands it. */
const { claims, tag } = workerData as { claims: CheckpointClaim[]; tag: string };
parentPort?.on('message', (request: SegmentRequest) => {
  parentPort?.postMessage({ id: request.id, result: checkSegment(request.bytes, claims, tag) });
});
