import { X509Certificate } from 'node:crypto';
import fs from 'node:fs/promises';
import { ExitCode } from '../../../platform/exit-codes.js';
import { verifyEvidence, type EvidenceFile, type EvidenceProblem } from '../domain/evidence.js';

export interface EvidenceVerifyOptions {
  /** The deployment CA's certificate (PEM), e.g. downloaded from /trust/ca.pem. */
  ca: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const PROBLEMS: Record<EvidenceProblem, string> = {
  EVIDENCE_FORMAT: 'the file is not a well-formed evidence file',
  EVIDENCE_NOT_IN_BATCH:
    'the exchange is not in the sealed batch: the record or its inclusion proof was changed',
  EVIDENCE_SIGNATURE_INVALID: 'the batch checkpoint is not signed by the gateway certificate',
};

/**
 * `ortaq bridge evidence-verify FILE --ca CA.pem`: proves one exchange of the message log
 * offline, with nothing but the file and the deployment CA's certificate: the gateway
 * certificate was issued by that CA and valid when the batch was sealed, the batch checkpoint is
 * signed by it, and the exchange is a leaf of the batch's tree. Needs no database.
 *
 * Outcomes: ExitCode.ok with what is proven on stdout; ExitCode.verificationFailed with every
 * problem on stderr; ExitCode.badInput for an unreadable file or CA.
 */
export async function evidenceVerifyCommand(
  file: string,
  options: EvidenceVerifyOptions,
): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(line + '\n'));
  const err = options.err ?? ((line: string) => process.stderr.write(`ortaq: ${line}\n`));
  let evidence: EvidenceFile;
  let authority: X509Certificate;
  try {
    evidence = JSON.parse(await fs.readFile(file, 'utf8')) as EvidenceFile;
  } catch (error) {
    err(`${file} cannot be read as an evidence file: ${(error as Error).message}`);
    return ExitCode.badInput;
  }
  try {
    authority = new X509Certificate(await fs.readFile(options.ca));
  } catch (error) {
    err(`${options.ca} is not a certificate: ${(error as Error).message}`);
    return ExitCode.badInput;
  }

  const problems: string[] = [];
  let gateway: X509Certificate | undefined;
  try {
    gateway = new X509Certificate(String(evidence.certificate));
  } catch {
    problems.push('the gateway certificate in the file cannot be read');
  }
  if (gateway) {
    if (!gateway.checkIssued(authority) || !gateway.verify(authority.publicKey)) {
      problems.push(`the gateway certificate was not issued by the CA ${authority.subject}`);
    }
    const sealedAt = Date.parse(String(evidence.checkpoint?.sealedAt));
    if (
      Number.isNaN(sealedAt) ||
      sealedAt < Date.parse(gateway.validFrom) ||
      sealedAt > Date.parse(gateway.validTo)
    ) {
      problems.push('the gateway certificate was not valid when the batch was sealed');
    }
    problems.push(...verifyEvidence(evidence, gateway.publicKey).map((code) => PROBLEMS[code]));
  }
  if (problems.length > 0) {
    for (const problem of problems) err(`evidence not proven: ${problem}`);
    return ExitCode.verificationFailed;
  }
  const { exchange, checkpoint } = evidence;
  out(
    `proven: exchange ${exchange.exchangeId} from ${exchange.client} to ${exchange.service} ` +
      `(${exchange.method}, status ${exchange.status}) received at ${exchange.receivedAt}, ` +
      `leaf ${evidence.leafIndex} of ${checkpoint.treeSize} in batch ${checkpoint.batch} of ` +
      `${checkpoint.gateway}, sealed at ${checkpoint.sealedAt} by ${gateway!.subject.replace(/\n/g, ', ')}`,
  );
  return ExitCode.ok;
}
