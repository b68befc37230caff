import { SOURCE_LOCALE, type Locale } from '../../src/i18n/locales';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import type { KnowledgeEntry, SynonymFile } from '../../src/knowledge/schema';

type EntryText = Pick<KnowledgeEntry, 'title' | 'questions' | 'keywords' | 'answer'>;

function entry(id: string, locale: Locale, text: EntryText): KnowledgeEntry {
  return {
    id,
    locale,
    ...text,
    followUps: [],
    tags: { programme: ['titp'], sector: [], country: [] },
    sources: [{ title: 'OTIT', url: 'https://www.otit.go.jp/' }],
    lastReviewed: '2026-11-27',
    file: `${locale}/${id}.md`,
  };
}

/** English entries: the source. `insurance` and `pension-refund` both cover pensions, on purpose. */
const ENGLISH: Record<string, EntryText> = {
  'passport-retention': {
    title: 'Can my employer keep my passport?',
    questions: ['Can the company keep my passport?', 'My boss took my residence card, is that allowed?', 'who holds my passport in japan'],
    keywords: ['passport', 'residence card', 'confiscate'],
    answer: 'No. Nobody may keep your passport or residence card, even if you agree. Ask for it back and contact OTIT.',
  },
  'fees-and-debt': {
    title: 'How much do people pay to go, and should I borrow?',
    questions: ['How much does it cost to go to Japan as a trainee?', 'Should I borrow money to pay the broker?', 'broker fee too high'],
    keywords: ['fee', 'broker', 'debt', 'loan'],
    answer: 'Many people pay a sending organisation and borrow money. Ask for every fee in writing and borrow only what you can repay.',
  },
  wages: {
    title: 'Will I be paid the minimum wage?',
    questions: ['Will I be paid the minimum wage in Japan?', 'my company pays less than minimum wage', 'how much salary do trainees get'],
    keywords: ['salary', 'minimum wage', 'labour law'],
    answer: 'Yes. Japanese labour law protects trainees: at least the minimum wage of the prefecture, paid every month.',
  },
  stages: {
    title: 'How long can I stay as a trainee?',
    questions: ['How long is the internship?', 'what are stage 1, 2 and 3', 'maximum years as a technical intern'],
    keywords: ['stages', 'duration', 'how long', 'five years'],
    answer: 'Stage i lasts one year, stage ii two years and stage iii two more: at most five years in total.',
  },
  family: {
    title: 'Can I bring my family to Japan?',
    questions: ['Can I bring my wife and children?', 'can my family live with me in japan', 'family visa for trainees'],
    keywords: ['family', 'wife', 'children', 'spouse'],
    answer: 'Not as a trainee. Family members cannot join you under TITP.',
  },
  insurance: {
    title: 'Am I covered by health insurance and pension?',
    questions: ['Do I have health insurance in Japan?', 'what happens if I get sick', 'do trainees pay into the pension'],
    keywords: ['health insurance', 'pension', 'hospital'],
    answer: 'Yes. Trainees join health insurance and the employees pension, paid from the salary.',
  },
  'pension-refund': {
    title: 'Can I get my pension back when I go home?',
    questions: ['Can I get my pension money back?', 'how do I claim the lump-sum withdrawal', 'pension refund after going home'],
    keywords: ['pension', 'refund', 'lump-sum'],
    answer: 'Yes. Claim the lump-sum withdrawal payment within two years of leaving Japan.',
  },
};

/** Translations; each locale covers only some entries, as during the real rollout. */
const TRANSLATED: Partial<Record<Locale, Record<string, EntryText>>> = {
  vi: {
    'passport-retention': {
      title: 'Công ty có được giữ hộ chiếu của tôi không?',
      questions: ['Công ty giữ hộ chiếu của em có được không?', 'sếp lấy thẻ ngoại kiều của tôi', 'ai giữ hộ chiếu ở nhật'],
      keywords: ['hộ chiếu', 'thẻ ngoại kiều', 'giữ giấy tờ'],
      answer: 'Không. Không ai được giữ hộ chiếu hoặc thẻ ngoại kiều của bạn, kể cả khi bạn đồng ý.',
    },
    stages: {
      title: 'Thời gian thực tập là bao lâu?',
      questions: ['Thời gian thực tập bao lâu?', 'giai đoạn 1 2 3 là gì', 'ở nhật tối đa mấy năm'],
      keywords: ['giai đoạn', 'thời gian thực tập', 'năm năm'],
      answer: 'Giai đoạn 1 kéo dài một năm, giai đoạn 2 hai năm, giai đoạn 3 thêm hai năm: tối đa năm năm.',
    },
  },
  th: {
    'passport-retention': {
      title: 'นายจ้างเก็บหนังสือเดินทางของฉันได้ไหม',
      questions: ['บริษัทเก็บพาสปอร์ตของฉันได้ไหม', 'หัวหน้ายึดบัตรไซริวการ์ดของฉัน', 'ใครถือหนังสือเดินทางของฉัน'],
      keywords: ['หนังสือเดินทาง', 'พาสปอร์ต', 'ยึดเอกสาร'],
      answer: 'ไม่ได้ ไม่มีใครมีสิทธิ์เก็บหนังสือเดินทางหรือบัตรไซริวการ์ดของคุณ',
    },
  },
  ja: {
    'passport-retention': {
      title: '会社がパスポートを預かってもいいですか',
      questions: ['会社にパスポートを取られた', '在留カードを社長が持っている', 'パスポートは誰が保管するの'],
      keywords: ['パスポート', '在留カード', '旅券'],
      answer: 'いいえ。誰もあなたのパスポートや在留カードを預かることはできません。',
    },
  },
  zh: {
    'passport-retention': {
      title: '公司可以扣留我的护照吗',
      questions: ['公司扣了我的护照怎么办', '老板拿走了我的在留卡', '护照应该由谁保管'],
      keywords: ['护照', '在留卡', '扣留证件'],
      answer: '不可以。任何人都不能扣留你的护照或在留卡，即使你同意也不行。',
    },
  },
  uz: {
    'passport-retention': {
      title: 'Ish beruvchi pasportimni saqlashi mumkinmi?',
      questions: ["Kompaniya pasportimni olib qo'ydi", "Xo'jayin zairyu kartamni oldi", 'pasportni kim saqlaydi'],
      keywords: ['pasport', 'zairyu karta', "hujjatlarni olib qo'yish"],
      answer: "Yo'q. Hech kim pasportingizni yoki zairyu kartangizni saqlay olmaydi.",
    },
  },
};

const SYNONYMS: Partial<Record<Locale, SynonymFile>> = {
  en: {
    trainee: ['trainee', 'trainees', 'technical intern', 'jisshusei', 'tts'],
    passport: ['passport', 'passports', 'pasport'],
    fee: ['fee', 'fees', 'cost'],
    greeting: ['hello', 'hi', 'good morning', 'how are you'],
    thanks: ['thanks', 'thank you', 'ok'],
    vague: ['what should i do', 'is that ok'],
  },
  vi: { trainee: ['thực tập sinh', 'tts'], passport: ['hộ chiếu', 'ho chieu'], fee: ['phí', 'chi phí'], greeting: ['xin chào'], thanks: ['cảm ơn'], vague: ['tôi phải làm gì'] },
  ja: { trainee: ['技能実習生', '実習生'], passport: ['パスポート', '旅券'] },
  th: { passport: ['หนังสือเดินทาง', 'พาสปอร์ต'] },
};

/**
 * A small knowledge base built in memory, so search tests do not move when editors change the real entries.
 * English has every entry; vi, th, ja, zh and uz translate a few.
 */
export function fixtureKnowledgeBase(): KnowledgeBase {
  const byLocale = new Map<Locale, Map<string, KnowledgeEntry>>();
  byLocale.set(SOURCE_LOCALE, new Map(Object.entries(ENGLISH).map(([id, text]) => [id, entry(id, SOURCE_LOCALE, text)])));
  for (const [locale, entries] of Object.entries(TRANSLATED) as [Locale, Record<string, EntryText>][]) {
    byLocale.set(locale, new Map(Object.entries(entries).map(([id, text]) => [id, entry(id, locale, text)])));
  }
  const synonyms = new Map(Object.entries(SYNONYMS) as [Locale, SynonymFile][]);
  return new KnowledgeBase(byLocale, synonyms, new Map());
}
