import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../../platform/auth/guards.js';
import { DomainError } from '../../../platform/errors.js';
import { parseStatement } from '../domain/document-statement.js';
import type { TrustDeps } from '../service/deps.js';
import { findDocument, mayDownload, verificationUrl } from '../service/documents.js';
import { renderDocumentPdf } from '../service/pdf.js';
import { IdParams } from './schemas.js';

/**
 * GET /trust/documents/:id/pdf: the printable PDF of a signed document, for the account that
 * issued it, the people it is about and administrators (see mayDownload). Anyone else gets the
 * same 404 as for a document that does not exist, so the route tells nobody which ids exist.
 * Each download is audited as `trust.document-download`.
 */
export async function documentRoutes(app: FastifyInstance, deps: TrustDeps) {
  app.get(
    '/trust/documents/:id/pdf',
    { preHandler: requireSignedIn(), schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const principal = request.principal!;
      const document = await findDocument(deps.db, (request.params as { id: string }).id);
      if (!document || !mayDownload(document, principal))
        throw new DomainError('TRUST_DOCUMENT_NOT_FOUND', 404);
      const statement = parseStatement(document.statement);
      if (!statement) throw new DomainError('TRUST_DOCUMENT_NOT_FOUND', 404);
      const pdf = await renderDocumentPdf({
        statement,
        verificationCode: document.verificationCode,
        verificationUrl: verificationUrl(deps, document.verificationCode),
        locale: request.locale,
        t: request.t,
        timeZone: app.platform.country.timeZone,
      });
      await deps.audit.append({
        action: 'trust.document-download',
        outcome: 'success',
        actorAccountId: principal.accountId,
        subject: document.id,
        details: { requestId: String(request.id) },
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="document-${document.id}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
