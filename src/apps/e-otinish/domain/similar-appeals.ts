/*
 * Similar appeals: the same category, the same place (region and district) and a similar topic.
 * Officers see them as one cluster; a citizen about to file is shown an existing public proposal
 * to join instead.
 *
 * "Similar topic" is token overlap (Jaccard: shared tokens / all tokens) of the topics after a
 * light normalisation for Kazakh, Russian and English that needs no dictionary:
 * - lower case, NFKC, ё → е; a token is a run of letters or digits;
 * - function words are dropped (в, на, по, және, мен, the, of…), and so are the generic words of
 *   an address (улица, дом, көше, үй, street, house…), which would otherwise make two different
 *   problems at one address look alike; street names and numbers stay;
 * - one inflectional ending is stripped, longest first: Kazakh endings (twice, since Kazakh
 *   stacks a plural and a case: үйлердің → үйлер → үй) when the topic has a letter only
 *   Kazakh uses (ә ғ қ ң ө ұ ү һ і), else Russian endings; stems are cut to 6 letters, which
 *   merges most remaining forms (дорога, дороге, дорогах → дорог).
 * Two topics are similar at a Jaccard index of SIMILARITY_THRESHOLD or more. 0.4 was chosen on
 * the examples in similar-appeals.test.ts: rephrasings of one complaint score 0.5–1, different
 * problems in the same street or house score 0.35 or less.
 */
export const SIMILARITY_THRESHOLD = 0.4;

/** Words split on white space, for the word lists below. */
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

const STOP_WORDS = new Set([
  // Russian
  ...words(`
    и в во на по с со к ко у о об от до из за для не нет что как это уже так же ли или а но
    при про мой мы наш нашей нашем нас нам я меня мне прошу просим очень есть был была было
    были который которая которые также возле около рядом напротив
  `),
  // Kazakh
  ...words(`
    және мен бен пен да де та те бұл осы сол үшін туралы жоқ бар емес біз біздің менің сіз ол
    оның сұраймын сұраймыз өте әлі қазір ма ме ба бе па пе жанында қасында
  `),
  // English
  ...words(`
    the a an of in on at to for and or is are was not our my we please with from by this that
    near
  `),
]);

/** Generic words of an address, in any form (compared after stemming). */
const ADDRESS_WORDS = words(`
    улица проспект дом квартира микрорайон ул пр кв мкр
    көше даңғыл үй пәтер ықшамаудан
    street avenue house flat apartment district
`);

const byLengthDescending = (a: string, b: string) => b.length - a.length;

// Kazakh case, plural and possessive endings, longest first.
const KAZAKH_ENDINGS = words(`
    лардың лердің дардың дердің тардың тердің ларға лерге дарға дерге тарға терге ларда лерде
    дарда дерде тарда терде нан нен дан ден тан тен ндағы ндегі дағы дегі тағы тегі ның нің
    дың дің тың тің нда нде лар лер дар дер тар тер сы сі ға ге қа ке на не да де та
    те ды ді ты ті ны ні ы і
`).sort(byLengthDescending);

// Russian noun and adjective endings, longest first.
const RUSSIAN_ENDINGS = words(`
    иями ями ами ого его ому ему ыми ими ией ах ях ов ев ей ой ом ем ам ям ую юю ая яя ое ее
    ые ие ый ий ых их ию ия ии а я ы и е у ю о ь й
`).sort(byLengthDescending);

const KAZAKH_LETTERS = /[әғқңөұүһі]/u;
const STEM_LENGTH = 6;

function stripEnding(word: string, endings: readonly string[], minStem: number): string {
  const ending = endings.find((e) => word.endsWith(e) && word.length - e.length >= minStem);
  return ending ? word.slice(0, -ending.length) : word;
}

function stem(word: string, kazakh: boolean): string {
  const stripped = kazakh
    ? stripEnding(stripEnding(word, KAZAKH_ENDINGS, 2), KAZAKH_ENDINGS, 2)
    : stripEnding(word, RUSSIAN_ENDINGS, 2);
  return stripped.slice(0, STEM_LENGTH);
}

const ADDRESS_STEMS = new Set(
  ADDRESS_WORDS.flatMap((word) => [word, stem(word, true), stem(word, false)]),
);

/** The normalised tokens of a topic (see the top of this file). */
export function topicTokens(text: string): Set<string> {
  const found = text
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .match(/[\p{L}\p{N}]+/gu);
  const kazakh = KAZAKH_LETTERS.test(text.toLowerCase());
  const tokens = new Set<string>();
  for (const word of found ?? []) {
    if (STOP_WORDS.has(word)) continue;
    if (/^\p{N}+$/u.test(word)) {
      tokens.add(word);
      continue;
    }
    if (word.length < 3) continue;
    const token = stem(word, kazakh);
    if (!ADDRESS_STEMS.has(token)) tokens.add(token);
  }
  return tokens;
}

/** Jaccard index of two topics' tokens, 0 (nothing shared) to 1 (the same tokens). */
export function topicSimilarity(a: string, b: string): number {
  return jaccard(topicTokens(a), topicTokens(b));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** What the clustering needs of an appeal. */
export interface AppealTopic {
  id: string;
  category: string;
  region: string;
  /** District within the region, when the appeal names one. */
  district?: string;
  topic: string;
}

const samePlace = (a: AppealTopic, b: AppealTopic) =>
  a.category === b.category && a.region === b.region && (a.district ?? '') === (b.district ?? '');

/** Same category, same region and district, topics similar at the threshold or above. */
export const areSimilar = (a: AppealTopic, b: AppealTopic): boolean =>
  samePlace(a, b) && topicSimilarity(a.topic, b.topic) >= SIMILARITY_THRESHOLD;

/**
 * Groups appeals into clusters of similar ones (connected through similar pairs, so A~B and B~C
 * put A, B and C together). Returns only clusters of two or more, each with ids in input order,
 * clusters ordered by their first member's position: the same input always gives the same
 * answer. Compares within a category and place only, so the work grows with the size of the
 * largest such group, not of the whole input.
 */
export function clusterSimilarAppeals(appeals: readonly AppealTopic[]): string[][] {
  const parent = appeals.map((_, index) => index);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const tokens = appeals.map((appeal) => topicTokens(appeal.topic));
  const groups = new Map<string, number[]>();
  appeals.forEach((appeal, index) => {
    const key = JSON.stringify([appeal.category, appeal.region, appeal.district ?? '']);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  for (const members of groups.values()) {
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) {
        const [i, j] = [members[x]!, members[y]!];
        if (jaccard(tokens[i]!, tokens[j]!) >= SIMILARITY_THRESHOLD) {
          const [ri, rj] = [root(i), root(j)];
          if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
        }
      }
    }
  }
  const clusters = new Map<number, string[]>();
  appeals.forEach((appeal, index) => {
    const r = root(index);
    clusters.set(r, [...(clusters.get(r) ?? []), appeal.id]);
  });
  return [...clusters.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, ids]) => ids)
    .filter((ids) => ids.length > 1);
}

/**
 * The candidates similar to `draft`, most similar first (ties in input order): what a citizen
 * is shown before filing, to join an existing public proposal instead of filing a duplicate.
 */
export function findSimilarAppeals<T extends AppealTopic>(
  draft: Omit<AppealTopic, 'id'>,
  candidates: readonly T[],
): { appeal: T; similarity: number }[] {
  const own = topicTokens(draft.topic);
  return candidates
    .filter((candidate) => samePlace({ ...draft, id: '' }, candidate))
    .map((appeal) => ({ appeal, similarity: jaccard(own, topicTokens(appeal.topic)) }))
    .filter(({ similarity }) => similarity >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity);
}
