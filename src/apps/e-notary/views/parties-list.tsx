import { usePage } from '../../../platform/views/page-context.js';
import type { Party } from '../domain/act-draft.js';
import { PARTY_ROLE_NAMES } from '../domain/act-kinds.js';
import { formatShare } from '../domain/share.js';

/** An act's parties under their heading: role, IIN or BIN, and the share where there is one. */
export function PartiesList(props: { parties: readonly Party[] }) {
  const { t } = usePage();
  return (
    <>
      <h2>{t('enotary.act.parties')}</h2>
      <ul>
        {props.parties.map((party, index) => (
          <li key={index}>
            {t(PARTY_ROLE_NAMES[party.role])}: {party.id}
            {party.share ? ` (${formatShare(party.share)})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
