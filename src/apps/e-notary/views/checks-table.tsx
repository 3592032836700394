import { usePage } from '../../../platform/views/page-context.js';
import { CHECK_NAME_IDS } from './message-ids.js';
import type { ChecksRun } from '../domain/checks/run-checks.js';

/**
 * The results of the latest pre-deal checks: every check, passed or failed, with its findings
 * in the reader's language (a finding's code is its message id, as for errors).
 */
export function ChecksTable(props: { checks: ChecksRun }) {
  const { t } = usePage();
  return (
    <table class="enotary-checks">
      <thead>
        <tr>
          <th scope="col">{t('enotary.act.checks')}</th>
          <th scope="col">{t('enotary.field.status')}</th>
        </tr>
      </thead>
      <tbody>
        {props.checks.results.map((result) => (
          <tr key={result.check} data-check={result.check} data-passed={String(result.passed)}>
            <th scope="row">{t(CHECK_NAME_IDS[result.check])}</th>
            <td>
              <strong>{t(result.passed ? 'enotary.check.passed' : 'enotary.check.failed')}</strong>
              {result.findings.length > 0 && (
                <ul>
                  {result.findings.map((finding, index) => (
                    <li key={index} data-code={finding.code}>
                      {finding.severity === 'warning' ? `${t('enotary.check.warning')} ` : ''}
                      {t(`error.${finding.code}`, finding.params)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
