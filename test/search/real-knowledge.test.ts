import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales';
import { loadKnowledge } from '../../src/knowledge/loader';
import { KNOWLEDGE_DIR } from '../../src/paths';
import { normalize } from '../../src/search/normalize';
import { SearchEngine, searchedFields } from '../../src/search/search-engine';
import { CONCEPT_MARK, OFF_TOPIC_CONCEPTS, SMALL_TALK_CONCEPTS, compileConcepts, conceptRewriter } from '../../src/search/synonyms';
import { SEARCH_THRESHOLDS } from '../../src/search/thresholds';

const kb = loadKnowledge({ root: KNOWLEDGE_DIR });
const engine = SearchEngine.build(kb);

describe('off-topic concepts and subjects without an entry', () => {
  it.each([
    ['a tourist visa', 'en', 'do I need a visa to visit Japan'],
    ['a tourist visa', 'th', 'do I need a visa to visit Japan'],
    ['a tourist visa', 'fil', 'requirements sa tourist visa japan para mamasyal'],
    ['a tourist visa', 'vi', 'xin tourist visa di du lich nhat'],
    ['pregnancy', 'vi', 'mang thai'],
    ['pregnancy', 'vi', 'có thai có bị về nước không'],
    ['pregnancy', 'en', 'what if I get pregnant'],
    ['pregnancy', 'ja', '妊娠したら帰国しなければなりませんか'],
    ['pregnancy', 'zh', '怀孕了会被送回国吗'],
    ['pregnancy', 'id', 'kalau hamil apakah dipulangkan'],
    ['pregnancy', 'th', 'ถ้าตั้งครรภ์ต้องกลับบ้านไหม'],
    ['pregnancy', 'my', 'ကိုယ်ဝန်ရှိရင် ပြန်ရမလား'],
    ['pregnancy', 'ne', 'garbhawati bhaye ghar pathauncha'],
    ['halal food', 'en', 'is there halal food in japan'],
    ['prayer', 'en', 'can i pray at work'],
    ['the weather', 'en', 'is it cold in japan'],
    ['a phone', 'en', 'can i bring my phone'],
    ['a bank account', 'en', 'how do I open a bank account in japan'],
    ['the weather', 'vi', 'thời tiết ở nhật thế nào'],
    ['sending money home', 'vi', 'co duoc gui tien ve nha khong'],
    ['halal food', 'id', 'apakah ada makanan halal di jepang'],
    ['sending money home', 'id', 'bisa kirim uang ke rumah'],
    ['sending money home', 'th', 'ส่งเงินกลับบ้านได้ไหม'],
    ['tattoos', 'es', 'tengo tatuajes, es un problema en japon?'],
    ['home food', 'ne', 'japan ma nepali khana paincha? dorm ma afai pakauna milcha?'],
    ['tax', 'en', 'how much tax is taken from my salary'],
    ['tax', 'es', 'tengo que pagar impuestos en japon'],
    ['tax', 'ne', 'japan ma tax tirnu parchha'],
    ['a work injury', 'en', 'my company told me to use my health insurance for a work injury'],
    ['a work injury', 'id', 'kalau kecelakaan kerja siapa yang tanggung'],
    ['paid leave', 'vi', 'được nghỉ phép mấy ngày một năm'],
    ['marriage', 'en', 'can i get married during the program'],
    ['dating', 'zh', '实习期间可以谈恋爱吗'],
    ['a side job', 'id', 'boleh kerja sampingan di jepang'],
    ['a lost residence card', 'en', 'i lost my residence card'],
    ['a stolen passport', 'en', 'my passport was stolen, what should i do'],
    ['working hours', 'en', 'how many hours per day do trainees work'],
    ['working hours', 'en', 'they make me work 14 hours every day'],
    ['a criminal record', 'en', 'i have a police case, can i go to japan'],
  ] as const)('declines a question on %s, which no entry covers, instead of answering a look-alike entry (%s: %s)', (_subject, locale, text) => {
    expect(engine.search(text, locale).outcome).toBe('none');
  });

  it.each([
    ['zh', '第三阶段前可以请假回国吗'],
    ['ja', '3号の前に休みを取って帰国できますか'],
    ['fil', 'pwede ba mag leave para umuwi bago stage 3'],
  ] as const)('still answers taking leave to go home before stage iii, which is covered (%s: %s)', (locale, text) => {
    expect(engine.search(text, locale).id).toBe('stage-3-conditions');
  });

  it.each([
    ['en', 'can i bring my wife'],
    ['ja', 'つまを 日本に つれて いけますか'],
    ['ne', 'श्रीमतीलाई लैजान पाइन्छ'],
    ['fil', 'pwede ko bang isama ang asawa ko sa japan'],
  ] as const)('still answers bringing a wife with the family entry, which dating and marriage words must not catch (%s: %s)', (locale, text) => {
    expect(engine.search(text, locale)).toMatchObject({ outcome: 'answer', id: 'family' });
  });

  it('still finds the real topic when an everyday word comes with it', () => {
    expect(engine.search('my boss hit me and i got hurt at work what do i do', 'en').id).toBe('trainee-rights');
    expect(engine.search('company forces me to put money in a savings account i cant touch', 'en').id).toBe('trainee-rights');
    expect(engine.search('i took a bank loan to pay the broker fee', 'en').candidates).toContain('fees-and-debt');
  });

  it('finds no off-topic concept in any entry of any locale (an entry on the subject means taking the concept off the list)', () => {
    const offTopic = new Set(OFF_TOPIC_CONCEPTS);
    const uses = kb.locales().flatMap((locale) =>
      kb.entriesIn(locale).flatMap((entry) => {
        const { title, questions, keywords, body } = searchedFields(entry);
        return [title, ...questions, ...keywords, ...body]
          .flatMap((text) => engine.conceptsIn(text, locale).filter((c) => offTopic.has(c)).map((c) => `${locale}/${entry.id}: ${c} in "${text.slice(0, 80)}"`));
      }),
    );
    expect(uses).toEqual([]);
  });

  it('has no variant that two concepts share once search folds it (Vietnamese "thuế" and "thuê" both become "thue")', () => {
    const shared = kb.locales().flatMap((locale) => {
      const owner = new Map<string, string>();
      return Object.entries(kb.synonyms(locale)).flatMap(([concept, variants]) =>
        variants.flatMap((variant) => {
          const folded = normalize(variant, locale);
          const first = owner.get(folded) ?? (owner.set(folded, concept), concept);
          return first === concept ? [] : [`${locale}: "${variant}" in ${concept} folds like a variant of ${first}`];
        }),
      );
    });
    expect(shared).toEqual([]);
  });

  it("reads a message with the synonyms of the language it is written in, also when the user's locale is another", () => {
    expect(engine.search('co duoc gui tien ve nha khong', 'en').outcome).toBe('none');
    expect(engine.search('boleh kerja sampingan di jepang', 'vi').outcome).toBe('none');
    expect(engine.search('cong ty giu ho chieu', 'en')).toMatchObject({ outcome: 'answer', id: 'passport-retention' });
  });

  it('still answers a work-visa question', () => {
    const result = engine.search('which visa do technical interns get', 'en');
    expect(result.outcome).not.toBe('none');
  });

  it('only lowers scores, so the same question without the off-topic word scores higher', () => {
    const plain = engine.search('visa requirements japan', 'en').confidence;
    const tourist = engine.search('tourist visa requirements japan', 'en').confidence;
    expect(tourist).toBeLessThan(plain);
    expect(SEARCH_THRESHOLDS.offTopic).toBeLessThan(1);
  });
});

describe('Vietnamese typed without tone marks', () => {
  it.each([
    ['thời gian thực tập tối đa bao lâu', 'thoi gian thuc tap toi da bao lau'],
    ['thực tập mấy năm', 'thuc tap may nam'],
    ['công ty giữ hộ chiếu của tôi được không', 'cong ty giu ho chieu cua toi duoc khong'],
  ])('finds for "%s" and "%s" the same answer', (marked, bare) => {
    const withMarks = engine.search(marked, 'vi');
    const without = engine.search(bare, 'vi');
    expect(withMarks.outcome).toBe('answer');
    expect(without).toEqual(withMarks);
  });

  it('answers the programme-length question with the stages entry', () => {
    expect(engine.search('thoi gian thuc tap toi da bao lau', 'vi').id).toBe('stages');
  });
});

describe('Vietnamese typed with tone marks', () => {
  it('does not answer "thuế" (tax) with the entry that only says "thuê" (hire), while "thuê" still finds it', () => {
    expect(engine.search('thuê', 'vi')).toMatchObject({ outcome: 'answer', id: 'titp-criticism' });
    expect(engine.search('thuế', 'vi').outcome).toBe('none');
  });

  it('does not answer "tiền" (money) with the lathe ("máy tiện") of the metal-work entry', () => {
    const result = engine.search('tiền', 'vi');
    expect(result.id).not.toBe('sector-machinery-metal');
    expect(result.candidates).toContain('fees-and-debt');
  });

  it('still answers when hỏi and ngã are swapped, or a keyword is written without marks', () => {
    expect(engine.search('công ty có giử hộ chiếu không', 'vi')).toMatchObject({ outcome: 'answer', id: 'passport-retention' });
    expect(engine.search('bỏ trốn', 'vi')).toMatchObject({ outcome: 'answer', id: 'change-employer' });
  });
});

describe('questions where a wrong answer costs the most', () => {
  it.each([
    ['vi', 'môi giới đòi 8000 đô có hợp pháp không', 'fees-and-debt'],
    ['vi', 'được đưa vợ sang không', 'family'],
    ['en', 'can I bring my wife', 'family'],
    ['vi', 'sếp đánh em phải làm sao', 'trainee-rights'],
    ['en', 'company forces me to save money in their account', 'trainee-rights'],
    ['vi', 'số điện thoại khẩn cấp ở nhật', 'help-hotline'],
    ['ne', 'manpower le dherai paisa magyo', 'fees-and-debt'],
    ['ne', 'manpower company kasari check garne', 'sending-organizations'],
    ['en', 'the broker says i must pay 8000 dollars before i go, is that ok', 'fees-and-debt'],
    ['en', 'the agency asked me to pay a deposit of 300000 yen', 'fees-and-debt'],
    ['en', 'hi, my boss took my passport, what should i do', 'passport-retention'],
    ['en', 'i want to run away from my company', 'change-employer'],
    ['en', 'can i stay in japan after training', 'ssw-from-titp'],
    ['en', 'the agency asked me to pay 5000 dollars before i go, is that ok', 'fees-and-debt'],
  ] as const)('answers (%s) "%s" with %s', (locale, text, id) => {
    expect(engine.search(text, locale)).toMatchObject({ outcome: 'answer', id });
  });
});

describe('paying the agency before departure', () => {
  it.each([
    ['en', 'the agency asked me to pay 5000 dollars before i go, is that ok'],
    ['vi', 'công ty phái cử bắt em đóng 5000 đô trước khi đi, vậy có sao không'],
    ['vi', 'moi gioi bat dong 5000 do truoc khi di'],
    ['hi', 'agency ne kaha jaane se pehle 5000 dollar dene honge'],
    ['es', 'la agencia me pidió pagar 5000 dólares antes de viajar'],
    ['ne', 'agency le jana aghi 5000 dollar tirna bhanyo'],
    ['si', 'agency eka yanna kalin dollar 5000 gewanna kiwwa'],
    ['ur', 'agency ne kaha jane se pehle 5000 dollar dene honge'],
    ['id', 'lpk minta bayar 5000 dolar sebelum berangkat'],
    ['th', 'เอเจนซี่ให้จ่าย 5000 ดอลลาร์ก่อนไป'],
    ['my', 'အေဂျင်စီက မသွားခင် ဒေါ်လာ ၅၀၀၀ ပေးခိုင်းတယ်'],
    ['mn', 'агентлаг явахаас өмнө 5000 доллар төлөх ёстой гэсэн'],
    ['uz', 'agentlik ketishdan oldin 5000 dollar toʻlashim kerak dedi'],
  ] as const)('puts the fees entry first, not the pre-departure course (%s: %s)', (locale, text) => {
    expect(engine.search(text, locale).candidates[0]).toBe('fees-and-debt');
  });
});

describe('a stray word from one example question', () => {
  it('does not answer "how much is dorm rent usually" with the sector shares, whose example question says "usually"', () => {
    expect(engine.search('how much is dorm rent usually', 'en').candidates).not.toContain('sector-shares');
  });
});

describe('violence at work', () => {
  it('puts the rights entry first for "my supervisor hits me", which matched the acceptance types before', () => {
    expect(engine.search('my supervisor hits me', 'en').candidates[0]).toBe('trainee-rights');
  });
});

describe('one-word messages', () => {
  it.each(['thue', 'tien', 'no'])('asks "did you mean" for a lone Vietnamese syllable typed without marks, which may be several words ("%s")', (text) => {
    expect(engine.search(text, 'vi').outcome).toBe('clarify');
  });

  it('still answers a bare syllable the synonym file lists ("luong" for lương), and a word with marks', () => {
    expect(engine.search('luong', 'vi')).toMatchObject({ outcome: 'answer', id: 'wages' });
    expect(engine.search('thuê', 'vi').outcome).toBe('answer');
  });

  it('asks "did you mean" when one word fits several entries', () => {
    const result = engine.search('test', 'en');
    expect(result.outcome).toBe('clarify');
    expect(result.candidates).toEqual(expect.arrayContaining(['skills-tests', 'japanese-tests']));
    expect(engine.search('tiếng nhật', 'vi').outcome).toBe('clarify');
  });

  it('still answers a word that names one topic', () => {
    expect(engine.search('esd', 'en')).toMatchObject({ outcome: 'answer', id: 'esd-overview' });
    expect(engine.search('ESD', 'th')).toMatchObject({ outcome: 'answer', id: 'esd-overview' });
    expect(SEARCH_THRESHOLDS.singleWordMargin).toBeGreaterThan(SEARCH_THRESHOLDS.margin);
  });
});

describe('small talk', () => {
  it.each(kb.locales())('has greetings, thanks and topic-less questions in the %s synonym file', (locale) => {
    const file = kb.synonyms(locale);
    for (const kind of SMALL_TALK_CONCEPTS) expect(file[kind]?.length ?? 0, `${locale}: ${kind}`).toBeGreaterThan(0);
  });

  /** Small talk that holds a topic word only by accident: 大丈夫 (all right) holds 夫 (husband); "magandang hapon" is good afternoon, though "Hapon" alone is Japan. */
  const ACCIDENTAL: ReadonlySet<string> = new Set(['ja:大丈夫', 'ja:大丈夫です', 'ja:大丈夫ですか', 'ja:大丈夫?', 'fil:magandang hapon']);
  const isSmallTalk = (concept: string) => (SMALL_TALK_CONCEPTS as readonly string[]).includes(concept);

  it.each(kb.locales())('has no topic word in a small-talk variant of %s, since small talk is dropped from questions', (locale) => {
    const topicsOnly = (l: Locale) => compileConcepts(Object.fromEntries(Object.entries(kb.synonyms(l)).filter(([c]) => !isSmallTalk(c))), (v) => normalize(v, l));
    const topics = conceptRewriter([...new Set<Locale>([locale, 'en'])].map(topicsOnly));
    const carrying = SMALL_TALK_CONCEPTS.flatMap((kind) =>
      (kb.synonyms(locale)[kind] ?? [])
        .filter((variant) => !ACCIDENTAL.has(`${locale}:${variant}`))
        .map((variant) => [variant, topics(normalize(variant, locale)).split(' ').filter((token) => token.startsWith(CONCEPT_MARK))] as const)
        .filter(([, concepts]) => concepts.length > 0)
        .map(([variant, concepts]) => `${kind}: ${variant} holds ${concepts.join(', ').replaceAll(CONCEPT_MARK, '')}`),
    );
    expect(carrying).toEqual([]);
  });

  it.each(['ok', 'is that ok', 'what should i do', 'how', 'is this normal', 'thank you so much!', 'usually'])('answers no entry for "%s", which names no topic', (text) => {
    expect(engine.search(text, 'en').outcome).toBe('none');
    expect(engine.smallTalk(text, 'en')).toBeDefined();
  });
});
