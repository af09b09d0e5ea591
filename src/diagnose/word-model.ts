// A naive Bayes model of the words of real build failures, learnt from the labelled corpus's train
// parts (__tests__/fixtures/unseen/train-*.jsonl and the 53 cases; never its frozen test parts).
// The signatures know wordings; this knows words. It is asked only when no signature recognised a
// failure, so that a failure in words no signature was written for is still named, as a likely cause
// and with the words that decided it, instead of "the build failed".
//
// Multinomial naive Bayes over the set of a document's features (word-features.ts), with Lidstone
// smoothing and equal priors: the failures no signature recognises are not distributed like the
// corpus. The margin is the log-likelihood lead of the best cause over the next one; below
// `minMargin` the words do not decide and there is no guess. The settings were chosen by 5-fold
// cross-validation on the train parts, grouped by thread (word-model.test.ts prints it).

/** The model as stored (word-model-data.ts). Not a public contract: it changes with every train batch. */
export interface WordModel {
  version: 1;
  /** Lidstone smoothing added to every feature count. */
  alpha: number;
  /** The least log-likelihood lead of the best cause over the next for a guess. */
  minMargin: number;
  /** The causes (catalog ids) the model can name, sorted. */
  classes: string[];
  /** Training documents per cause. */
  documents: number[];
  /** Sum of the feature counts per cause. */
  totals: number[];
  /** Per feature, `class:count` pairs separated by spaces, for the causes whose documents hold it. */
  features: Record<string, string>;
}

export interface WordModelSettings {
  alpha: number;
  minMargin: number;
  /** A feature in fewer documents than this is left out (one thread's name says nothing general). */
  minDocumentFrequency: number;
  /** So is a feature in more than this share of the documents (`error`, `docker`, `failed to`): it names no cause. */
  maxDocumentShare: number;
  /** A cause with fewer documents than this is not learnt. */
  minClassDocuments: number;
}

export const WORD_MODEL_SETTINGS: WordModelSettings = { alpha: 0.5, minMargin: 4, minDocumentFrequency: 2, maxDocumentShare: 0.1, minClassDocuments: 5 };

export interface TrainingDocument {
  category: string;
  features: readonly string[];
}

export function trainWordModel(documents: readonly TrainingDocument[], settings: WordModelSettings = WORD_MODEL_SETTINGS): WordModel {
  const perClass = new Map<string, number>();
  for (const d of documents) perClass.set(d.category, (perClass.get(d.category) ?? 0) + 1);
  const classes = [...perClass]
    .filter(([, n]) => n >= settings.minClassDocuments)
    .map(([c]) => c)
    .sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const learnt = documents.filter((d) => index.has(d.category));
  const frequency = new Map<string, number>();
  for (const d of learnt) for (const f of new Set(d.features)) frequency.set(f, (frequency.get(f) ?? 0) + 1);
  const counts = new Map<string, number[]>();
  const totals = classes.map(() => 0);
  for (const d of learnt) {
    const c = index.get(d.category)!;
    for (const f of new Set(d.features)) {
      const n = frequency.get(f) ?? 0;
      if (n < settings.minDocumentFrequency || n > settings.maxDocumentShare * learnt.length) continue;
      let row = counts.get(f);
      if (!row) counts.set(f, (row = classes.map(() => 0)));
      row[c]!++;
      totals[c]!++;
    }
  }
  const features: Record<string, string> = {};
  for (const f of [...counts.keys()].sort()) {
    features[f] = counts
      .get(f)!
      .map((n, c) => (n > 0 ? `${c}:${n}` : ''))
      .filter(Boolean)
      .join(' ');
  }
  return {
    version: 1,
    alpha: settings.alpha,
    minMargin: settings.minMargin,
    classes,
    documents: classes.map((c) => perClass.get(c)!),
    totals,
    features,
  };
}

export interface WordGuess {
  /** The catalog id the words point at. */
  category: string;
  /** Its log-likelihood lead over the next cause. */
  margin: number;
  /** The cause that came next. */
  runnerUp: string;
  /** The features that spoke most for it over the next cause (word pairs as two words). */
  words: string[];
}

/** The parsed counts, kept with the model so a second guess does not parse them again. */
const parsedCounts = new WeakMap<WordModel, Map<string, Map<number, number>>>();

function countsOf(model: WordModel): Map<string, Map<number, number>> {
  let parsed = parsedCounts.get(model);
  if (!parsed) {
    parsed = new Map();
    for (const [feature, pairs] of Object.entries(model.features)) {
      const row = new Map<number, number>();
      for (const pair of pairs.split(' ')) {
        const [c, n] = pair.split(':');
        row.set(Number(c), Number(n));
      }
      parsed.set(feature, row);
    }
    parsedCounts.set(model, parsed);
  }
  return parsed;
}

// Words that weigh in the guess but mean nothing to a reader shown them as its reason (`an`, `of the`).
const FUNCTION_WORDS = new Set('a an the of to in on at by for from with as is are was be been it its this that or and if into than then there can'.split(' '));

/** Whether a feature is function words alone: it is not shown as a word that decided the guess. */
function saysNothing(feature: string): boolean {
  return feature.split(' ').every((word) => FUNCTION_WORDS.has(word));
}

/** Which cause the features point at, or null when none leads by the model's margin. */
export function guessFromWords(model: WordModel, features: readonly string[], explainWith = 3): WordGuess | null {
  if (model.classes.length < 2) return null;
  const counts = countsOf(model);
  const known = [...new Set(features)].filter((f) => counts.has(f));
  if (known.length === 0) return null;
  const vocabulary = counts.size;
  const logOf = (feature: string, c: number) => Math.log(((counts.get(feature)!.get(c) ?? 0) + model.alpha) / (model.totals[c]! + model.alpha * vocabulary));
  const scores = model.classes.map((_, c) => known.reduce((sum, f) => sum + logOf(f, c), 0));
  const order = scores.map((_, c) => c).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const [best, next] = [order[0]!, order[1]!];
  const margin = scores[best]! - scores[next]!;
  if (margin < model.minMargin) return null;
  const words = known
    .map((f) => ({ f, lead: logOf(f, best) - logOf(f, next), n: counts.get(f)!.get(best) ?? 0 }))
    .filter((w) => w.lead > 0 && w.n > 0 && !saysNothing(w.f))
    .sort((a, b) => b.lead - a.lead || b.n - a.n || (a.f < b.f ? -1 : 1))
    .slice(0, explainWith)
    .map((w) => w.f);
  return { category: model.classes[best]!, margin, runnerUp: model.classes[next]!, words };
}
