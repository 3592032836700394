import { fileTypeFromStream } from 'file-type';
import type { Readable } from 'node:stream';

export interface DetectedType {
  mime: string;
  ext: string;
}

/** The header every STEP physical file (ISO 10303-21) opens with, IFC models among them. */
const STEP_HEADER = 'ISO-10303-21;';

/**
 * The media type of a file from its content, never its name: what `file-type` recognises by its
 * magic numbers, and STEP physical files (ISO 10303-21: IFC building models), which are text
 * that `file-type` leaves alone. `open` gives the content from its start each time it is called.
 */
export async function detectType(open: () => Readable): Promise<DetectedType | undefined> {
  const source = open();
  const detected = await fileTypeFromStream(source).finally(() => source.destroy());
  if (detected) return { mime: detected.mime, ext: detected.ext };
  const head = await readHead(open(), STEP_HEADER.length + 3);
  // A byte-order mark may precede the header of a text file.
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (text.startsWith(STEP_HEADER)) return { mime: 'model/step', ext: 'ifc' };
  return undefined;
}

async function readHead(source: Readable, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of source) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= bytes) break;
    }
  } finally {
    source.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}
