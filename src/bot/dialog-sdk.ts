/**
 * The botbuilder-dialogs classes the bot uses, each imported from its own module. The package index also loads every
 * prompt with the Recognizers-Text suites for numbers, dates and choices in many cultures: about 0.3 s of start-up,
 * 40 % of all module loading, for features the bot does not use (it recognises choices itself, in 19 languages).
 * Import dialog values from here; types can still come from 'botbuilder-dialogs'. A test checks that these are the
 * package's own classes and that building the app leaves the prompts unloaded.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
