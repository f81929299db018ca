import { describe, expect, it } from 'vitest';
import { byUrgency, classifyComment, kindMessageKey, reasonMessage, urgency, type CommentKind } from './classify';
import { commentLanguage, detectLanguage, type CommentLanguage } from './language';

/** Comments as small cafés, bakeries and shops in Taiwan and Hong Kong get them. */
const TABLE: Array<[string, CommentKind, CommentLanguage]> = [
  // Traditional Chinese (Taiwan)
  ['請問這款有大杯的嗎？', 'question', 'zh'],
  ['請問週末有開嗎', 'question', 'zh'],
  ['這個多少錢呢', 'question', 'zh'],
  ['想問一下可以訂位嗎', 'question', 'zh'],
  ['芒果蛋糕還有貨嗎？', 'question', 'zh'],
  ['營業時間到幾點？', 'question', 'zh'],
  ['可以寄到台中嗎', 'question', 'zh'],
  ['今天有開嗎？好想吃', 'question', 'zh'],
  ['等了兩個星期還沒收到，很失望', 'negative', 'zh'],
  ['收到的時候盒子破損了，要怎麼退款？', 'negative', 'zh'],
  ['外送太慢了，咖啡都冷掉', 'negative', 'zh'],
  ['服務態度差，不會再來了', 'negative', 'zh'],
  ['蛋糕有點乾，不太好吃', 'negative', 'zh'],
  ['給差評，店員很兇', 'negative', 'zh'],
  ['拿鐵超好喝！推推', 'praise', 'zh'],
  ['讚讚讚 👍', 'praise', 'zh'],
  ['好愛你們家的可頌 😍', 'praise', 'zh'],
  ['謝謝老闆招待，下次再來！', 'praise', 'zh'],
  ['不錯喝耶', 'praise', 'zh'],
  ['包裝很用心，完全沒有破損', 'praise', 'zh'],
  ['@王小明 下次一起來', 'neutral', 'zh'],
  ['已分享', 'neutral', 'zh'],
  // Cantonese (Hong Kong)
  ['幾錢一盒？', 'question', 'zh'],
  ['有冇得送貨去九龍', 'question', 'zh'],
  ['點樣買？', 'question', 'zh'],
  ['中伏，唔好食', 'negative', 'zh'],
  ['蛋糕好正，必買', 'praise', 'zh'],
  // Simplified Chinese
  ['这个多少钱？', 'question', 'zh'],
  ['太难吃了，想退款', 'negative', 'zh'],
  // English
  ['Do you ship to Hong Kong?', 'question', 'en'],
  ['What time do you open on Sundays?', 'question', 'en'],
  ['How much is the matcha roll cake?', 'question', 'en'],
  ['Is the chocolate tart gluten free', 'question', 'en'],
  ['Any chance you’ll have the pumpkin bread again this fall?', 'question', 'en'],
  ['Love the new menu, but do you still have the oat latte?', 'question', 'en'],
  ['Still waiting for my order from last week. Not happy.', 'negative', 'en'],
  ['My cake arrived broken and nobody answers my messages', 'negative', 'en'],
  ['Never again. Cold coffee and rude staff.', 'negative', 'en'],
  ['I want a refund', 'negative', 'en'],
  ['Disappointed, the croissants were stale', 'negative', 'en'],
  ['Ordered on Monday, still hasn’t arrived??', 'negative', 'en'],
  ['The staff were lovely but my order was wrong and late', 'negative', 'en'],
  ['The cake wasn’t great tbh', 'negative', 'en'],
  ['Love this place!! Best flat white in Taipei ☕', 'praise', 'en'],
  ['Amazing service, thank you so much!', 'praise', 'en'],
  ['These look delicious 😋', 'praise', 'en'],
  ['Not bad at all, will come back', 'praise', 'en'],
  ['Can’t wait to try it!', 'praise', 'en'],
  ['Tagging @jess', 'neutral', 'en'],
  ['See you Saturday', 'neutral', 'en'],
  // Mixed and emoji only
  ['Latte 好好喝 love it', 'praise', 'zh'],
  ['😡😡😡', 'negative', 'other'],
  ['❤️❤️', 'praise', 'other'],
  ['🤔', 'question', 'other'],
];

describe('classifyComment on real-looking comments', () => {
  it('has a table of at least 40 comments in both languages', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    expect(TABLE.filter(([, , l]) => l === 'zh').length).toBeGreaterThanOrEqual(20);
    expect(TABLE.filter(([, , l]) => l === 'en').length).toBeGreaterThanOrEqual(20);
  });

  it.each(TABLE)('%s → %s (%s)', (text, kind, language) => {
    const result = classifyComment(text);
    expect({ kind: result.kind, language: result.language }).toEqual({ kind, language });
    // Always explained, never more than "high" (the UI still words it as a guess).
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(['low', 'medium', 'high']).toContain(result.confidence);
  });
});

describe('explanations and confidence', () => {
  it('names the cues it found', () => {
    expect(classifyComment('請問有賣掛耳包嗎？')).toEqual({
      kind: 'question',
      language: 'zh',
      confidence: 'high',
      reasons: ['question_word:請問', 'question_word:嗎', 'question_mark'],
    });
    expect(classifyComment('不好喝，很失望').reasons).toEqual(['negative_word:失望', 'negated_praise:不好喝']);
    expect(classifyComment('Why is my order so late?!').reasons).toEqual(['negative_word:late']);
  });

  it('counts an overlapping cue once (推推 is not also 推)', () => {
    expect(classifyComment('好喝！推推').reasons).toEqual(['praise_word:好喝', 'praise_word:推推']);
    expect(classifyComment('Do you ship to Hong Kong?').reasons).toEqual(['question_word:Do', 'question_mark']);
  });

  it('is less sure when cues disagree or are thin', () => {
    expect(classifyComment('Love it! But the box was damaged').confidence).not.toBe('high');
    expect(classifyComment('Love it! But the box was damaged').reasons).toContain('mixed');
    expect(classifyComment('👍').confidence).toBe('low');
    expect(classifyComment('ok')).toMatchObject({ kind: 'neutral', confidence: 'low', reasons: ['no_cue'] });
  });

  it('maps every reason to an i18n key with its cue', () => {
    expect(reasonMessage('question_word:請問')).toEqual({ key: 'classifyReasonQuestionWord', cue: '請問' });
    expect(reasonMessage('question_mark')).toEqual({ key: 'classifyReasonQuestionMark', cue: '' });
    expect(reasonMessage('negated_praise:不好喝')).toEqual({ key: 'classifyReasonNegatedPraise', cue: '不好喝' });
    expect(kindMessageKey('negative')).toBe('classifyKindNegative');
    for (const [text] of TABLE) for (const r of classifyComment(text).reasons) expect(reasonMessage(r).key).toMatch(/^classifyReason[A-Z]/);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['謝謝', 'zh'],
    ['thank you', 'en'],
    ['ありがとうございます', 'other'],
    ['감사합니다', 'other'],
    ['', 'other'],
    ['Latte 好好喝', 'zh'],
    ['I love 台北 so much, best city ever', 'en'],
  ] as const)('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('commentLanguage reads a page’s comment as classifyComment does (full-width Latin letters are Latin)', () => {
    expect(detectLanguage('ｔｈａｎｋ ｙｏｕ')).toBe('other');
    for (const text of ['ｔｈａｎｋ ｙｏｕ', ...TABLE.map(([t]) => t)]) expect(commentLanguage(text)).toBe(classifyComment(text).language);
    expect(commentLanguage('ｔｈａｎｋ ｙｏｕ')).toBe('en');
  });
});

describe('urgency', () => {
  it('puts questions and complaints before other comments and praise, older before newer', () => {
    const queue = [
      { id: 'praise-old', kind: 'praise' as const, occurredAt: 1 },
      { id: 'question-new', kind: 'question' as const, occurredAt: 30 },
      { id: 'neutral', kind: 'neutral' as const, occurredAt: 5 },
      { id: 'negative-mid', kind: 'negative' as const, occurredAt: 20 },
      { id: 'question-old', kind: 'question' as const, occurredAt: 10 },
    ];
    expect([...queue].sort(byUrgency).map((c) => c.id)).toEqual(['question-old', 'negative-mid', 'question-new', 'neutral', 'praise-old']);
    expect(urgency({ kind: 'negative' })).toBe(urgency({ kind: 'question' }));
    expect(urgency({ kind: 'praise' })).toBeGreaterThan(urgency({ kind: 'neutral' }));
  });
});
