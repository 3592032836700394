import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';

/** A public proposal as anyone sees it: its topic and how many joined it (no author). */
export function ProposalPage({ topic, supporters }: { topic: string; supporters: number }) {
  const { t } = usePage();
  return (
    <Layout title={topic}>
      <h1>{topic}</h1>
      <p>{t('otinish.appeal.supporters', { count: supporters })}</p>
    </Layout>
  );
}
