import type { SubmitValue } from '../cards/actions';

/** A button: what it says, and the id-only value it submits. */
export interface ReplyButton {
  readonly label: string;
  readonly value: SubmitValue;
}

/** A labelled fact, shown as a two-column row in a card or a "label: value" line in text. */
export interface ReplyFact {
  readonly label: string;
  readonly value: string;
}

/** One numbered step. */
export interface ReplyStep {
  readonly label?: string;
  readonly value: string;
}

/** An outbound link. */
export interface ReplyLink {
  readonly label: string;
  readonly url: string;
}

/**
 * A channel-neutral reply. Dialogs and the answer composer produce it; the card builder turns it into an Adaptive
 * Card and the text renderer into numbered plain text, so every channel gets the same content.
 */
export interface ReplyModel {
  readonly locale: string;
  readonly rtl: boolean;
  readonly title?: string;
  /** A short line shown above the body, e.g. "not translated yet". */
  readonly notice?: string;
  /** Markdown paragraphs. */
  readonly body: readonly string[];
  readonly facts?: readonly ReplyFact[];
  /** Numbered steps (a timeline or a study plan); `label` is an optional bold heading such as a month. */
  readonly steps?: readonly ReplyStep[];
  readonly links?: readonly ReplyLink[];
  /** "Source: …", "Last reviewed: …" lines. */
  readonly footer?: readonly string[];
  readonly buttonsTitle?: string;
  readonly buttons: readonly ReplyButton[];
  /** Small buttons after the main ones (feedback). */
  readonly feedback?: { readonly prompt: string; readonly buttons: readonly ReplyButton[] };
  /**
   * A last question with its own buttons, after everything else. An answer given in the middle of a guided dialog
   * ends with "go back to where you were?", so the way back arrives in the same message as the answer.
   */
  readonly closing?: { readonly prompt: string; readonly buttons: readonly ReplyButton[] };
  /** Month picker for the duration dialog: choices of value/label, submitted as `{a:'pick', v}`. */
  readonly picker?: { readonly label?: string; readonly submit: string; readonly choices: readonly { value: string; label: string }[] };
}
