/** The numbers that turn scores into outcomes. Scores and confidences lie in [0, 1]. */
export interface SearchThresholds {
  /** Below this best score the question is out of scope: outcome `none`. */
  readonly none: number;
  /** From this best score, and at least `margin` ahead of the runner-up, the bot answers. */
  readonly answer: number;
  /** How far ahead of the runner-up the best must be to answer instead of asking "did you mean …?". */
  readonly margin: number;
  /** The same for a one-word message ("test", "tiền"): a single word rarely settles the topic, so ask more often. */
  readonly singleWordMargin: number;
  /** Candidates offered for clarification score at least this share of the best one. */
  readonly clarifyShare: number;
  /** Fuzzy reranking runs only when the top two scores are within this gap (it is the slow part). */
  readonly rerankGap: number;
  /** The most a poor fuzzy match can take off a candidate's score, as a share of it. */
  readonly rerankInfluence: number;
  /**
   * Scores are multiplied by this when the query names an off-topic concept (tourism, halal food): only strong matches
   * survive. At 0.6, "tengo tatuajes, es un problema en japon?" still offered the help-line entry as "did you mean".
   */
  readonly offTopic: number;
}

/**
 * Tuned on `test/fixtures/eval/*.jsonl` with `npm run eval`. One object, so tuning is one diff and every
 * caller (bot, CLI, eval) decides the same way.
 */
export const SEARCH_THRESHOLDS: SearchThresholds = {
  none: 0.32,
  answer: 0.4,
  margin: 0.06,
  singleWordMargin: 0.12,
  clarifyShare: 0.8,
  rerankGap: 0.1,
  rerankInfluence: 0.5,
  offTopic: 0.5,
};
