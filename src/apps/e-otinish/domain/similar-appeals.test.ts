import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areSimilar,
  clusterSimilarAppeals,
  findSimilarAppeals,
  SIMILARITY_THRESHOLD,
  topicSimilarity,
  topicTokens,
  type AppealTopic,
} from './similar-appeals.js';

const place = { category: 'roads', region: 'almaty', district: 'bostandyk' };
const appeal = (id: string, topic: string, over: Partial<AppealTopic> = {}): AppealTopic => ({
  id,
  topic,
  ...place,
  ...over,
});

describe('topic similarity', () => {
  it.each([
    ['Яма на дороге по улице Абая возле дома 15', 'Ямы на дорогах улицы Абая, дом 15'],
    [
      'Яма на дороге по улице Абая возле дома 15',
      'Прошу отремонтировать яму на дороге на улице Абая',
    ],
    ['Абай көшесіндегі жолда шұңқыр бар', 'Абай көшесінің жолындағы шұңқырлар'],
    [
      'Нет горячей воды в доме 12 по улице Сатпаева',
      'В доме 12 на Сатпаева отключили горячую воду',
    ],
    ['Pothole on Abai street near house 15', 'Potholes on Abai street, house 15'],
  ])('finds %j and %j similar', (a, b) => {
    expect(topicSimilarity(a, b)).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
  });

  it.each([
    ['Яма на дороге по улице Абая возле дома 15', 'Не горит уличное освещение на улице Абая'],
    ['Абай көшесіндегі жолда шұңқыр бар', 'Абай көшесінде көше жарығы жанбайды'],
    ['Нет горячей воды в доме 12 по улице Сатпаева', 'Шумные соседи в доме 12 по улице Сатпаева'],
    ['', ''],
  ])('keeps %j and %j apart', (a, b) => {
    expect(topicSimilarity(a, b)).toBeLessThan(SIMILARITY_THRESHOLD);
  });

  it('normalises case, ё and Kazakh plural and case endings', () => {
    expect([...topicTokens('ЁЛКА ёлки')]).toEqual(['елк']);
    expect([...topicTokens('жолдардың жолдар жол')]).toEqual(['жол']);
    expect([...topicTokens('в на по и the of және мен')]).toEqual([]);
    expect([...topicTokens('улицах улицами домами проспектов Абая')]).toEqual(['аб']);
    expect([...topicTokens('көшелерде үйлердің Абай')]).toEqual(['абай']);
  });

  it('is symmetric, between 0 and 1, and 1 for a topic with itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = topicSimilarity(a, b);
        expect(ab).toBe(topicSimilarity(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        if (topicTokens(a).size > 0) expect(topicSimilarity(a, a)).toBe(1);
      }),
    );
  });
});

describe('clusters', () => {
  const appeals = [
    appeal('a1', 'Яма на дороге по улице Абая возле дома 15'),
    appeal('b1', 'Не горит уличное освещение на улице Абая'),
    appeal('a2', 'Ямы на дорогах улицы Абая, дом 15'),
    appeal('a3', 'Прошу отремонтировать яму на дороге на улице Абая'),
    // Same topic, other district or category: never in the cluster.
    appeal('x1', 'Яма на дороге по улице Абая возле дома 15', { district: 'almaly' }),
    appeal('x2', 'Яма на дороге по улице Абая возле дома 15', { category: 'housing' }),
    appeal('b2', 'На улице Абая не горит освещение'),
  ];

  it('group similar appeals of one category and place, in input order', () => {
    expect(clusterSimilarAppeals(appeals)).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2'],
    ]);
    expect(areSimilar(appeals[0]!, appeals[4]!)).toBe(false);
    expect(areSimilar(appeals[0]!, appeals[5]!)).toBe(false);
  });

  it('put every appeal in at most one cluster, and any two similar appeals in the same one', () => {
    const topics = fc.constantFrom(...appeals.map((a) => a.topic), 'Шумные соседи', 'Жолда шұңқыр');
    const input = fc.array(
      fc.record({
        topic: topics,
        category: fc.constantFrom('roads', 'housing'),
        region: fc.constantFrom('almaty', 'astana'),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(input, (rows) => {
        const list = rows.map((row, index) => ({ ...row, id: `id${index}` }));
        const clusters = clusterSimilarAppeals(list);
        const seen = clusters.flat();
        expect(new Set(seen).size).toBe(seen.length);
        for (const id of seen) {
          const member = list.find((a) => a.id === id)!;
          expect(list.some((other) => other !== member && areSimilar(member, other))).toBe(true);
        }
        const clusterOf = new Map(clusters.flatMap((ids, n) => ids.map((id) => [id, n] as const)));
        for (const a of list) {
          for (const b of list) {
            if (a !== b && areSimilar(a, b)) {
              expect(clusterOf.get(a.id)).toBeDefined();
              expect(clusterOf.get(a.id)).toBe(clusterOf.get(b.id));
            }
          }
        }
      }),
    );
  });

  it('show a citizen the existing proposals like theirs, most similar first', () => {
    const found = findSimilarAppeals(
      { ...place, topic: 'Яма на дороге, улица Абая 15' },
      appeals,
    ).map(({ appeal: a }) => a.id);
    expect(found).toEqual(['a1', 'a2', 'a3']);
    expect(findSimilarAppeals({ ...place, topic: 'Шумные соседи' }, appeals)).toEqual([]);
  });
});
