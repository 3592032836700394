/**
 * A minimal reader of the raw emails the tests receive: headers (unfolded, RFC 2047 encoded
 * words decoded) and the decoded text and HTML parts of a multipart/alternative message
 * (quoted-printable, base64, 7bit or 8bit). Enough to assert on what nodemailer sent.
 */
export interface ParsedEmail {
  headers: Map<string, string>;
  text: string;
  html: string;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const normalised = raw.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers.set(
        line.slice(0, colon).trim().toLowerCase(),
        decodeWords(line.slice(colon + 1).trim()),
      );
    }
  }
  return { headers, body };
}

/** `=?UTF-8?Q?…?=` and `=?UTF-8?B?…?=` (RFC 2047), adjacent words joined. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_whole, _charset, encoding: string, text: string) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : Buffer.from(qpBytes(text.replace(/_/g, ' '))).toString('utf8'),
    );
}

function qpBytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return bytes;
}

export function decodeQuotedPrintable(body: string): string {
  return Buffer.from(qpBytes(body.replace(/=\n/g, ''))).toString('utf8');
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  if (encoding === 'base64')
    return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return part.body;
}

export function parseEmail(raw: string): ParsedEmail {
  const message = splitPart(raw);
  const type = message.headers.get('content-type') ?? 'text/plain';
  const result: ParsedEmail = { headers: message.headers, text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const parts = boundary
    ? message.body
        .split(`--${boundary}`)
        .slice(1)
        .filter((chunk) => !chunk.startsWith('--'))
        .map((chunk) => splitPart(chunk.replace(/^\n/, '')))
    : [message];
  for (const part of parts) {
    const partType = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
    if (partType.startsWith('text/plain')) result.text = decodeBody(part);
    if (partType.startsWith('text/html')) result.html = decodeBody(part);
  }
  return result;
}
