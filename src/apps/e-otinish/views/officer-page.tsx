import { Layout } from '../../../platform/views/layout.js';
import { usePage } from '../../../platform/views/page-context.js';

/** The officer's entry: the engine's queue, and clusters of similar open appeals. */
export function OfficerPage({
  clusters,
  queue,
}: {
  clusters: { id: string; topic: string; reference: string }[][];
  /** The body's open appeals, least time left first (the engine's queue order). */
  queue: {
    id: string;
    reference: string;
    dueDate: string | undefined;
    daysLeft: number | undefined;
  }[];
}) {
  const { t } = usePage();
  return (
    <Layout title={t('otinish.officer.title')}>
      <h1>{t('otinish.officer.title')}</h1>
      <p>
        <a href="/officer/queue">{t('otinish.officer.queue')}</a>
      </p>
      <h2>{t('otinish.officer.open')}</h2>
      {queue.length === 0 ? (
        <p>{t('otinish.officer.noOpen')}</p>
      ) : (
        <ul>
          {queue.map((item) => (
            <li key={item.id}>
              <a href={`/e-otinish/appeals/${item.id}`}>{item.reference}</a>
              {item.dueDate &&
                ` — ${t('otinish.officer.due', { date: item.dueDate, days: item.daysLeft ?? 0 })}`}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('otinish.officer.clusters')}</h2>
      {clusters.length === 0 ? (
        <p>{t('otinish.officer.noClusters')}</p>
      ) : (
        clusters.map((cluster) => (
          <ul key={cluster[0]!.id} class="cluster">
            {cluster.map((appeal) => (
              <li key={appeal.id}>
                <a href={`/e-otinish/appeals/${appeal.id}`}>{appeal.reference}</a> {appeal.topic}
              </li>
            ))}
          </ul>
        ))
      )}
    </Layout>
  );
}
