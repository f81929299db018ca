/**
 * A heuristic reading of a comment: is it a question, a complaint, praise or
 * neither, and in which language. English and Chinese (Traditional as used in
 * Taiwan and Hong Kong, with common Simplified and Cantonese forms). It is a
 * guess from word and emoji cues, so it says how sure it is and why (`reasons`,
 * short codes the UI turns into words with reasonMessage); the UI must present
 * it as "looks like", never as a fact.
 */

import { cleanComment, detectLanguage, hanCount, type CommentLanguage } from './language';

export type CommentKind = 'question' | 'negative' | 'praise' | 'neutral';
export type Confidence = 'low' | 'medium' | 'high';

export interface Classification {
  kind: CommentKind;
  language: CommentLanguage;
  confidence: Confidence;
  /** `code` or `code:cue`, e.g. `question_word:請問`, `negative_emoji:😡`, `question_mark`. */
  reasons: string[];
}

type Signal = 'question' | 'negative' | 'praise';
/** 2 = a strong cue on its own; 1 = a hint. */
type Weight = 1 | 2;

interface Cue {
  signal: Signal;
  weight: Weight;
  code: string;
  cue: string;
}

// ---- Chinese ------------------------------------------------------------------

const ZH_QUESTION: [RegExp, Weight][] = [
  [/請問|请问|想問|想问|問一下|问一下|想請教|請教/, 2],
  [/[嗎吗么]/, 2],
  [/呢(?=[\s？?！!。，,~～…]*$|[？?])/, 2],
  [/幾錢|幾多錢|多少錢|多少钱|幾蚊|價錢|價格|价格|價位|怎麼賣|怎么卖|點賣/, 2],
  [/有冇|有沒有|有没有|有無|可唔可以|可不可以|能不能|會不會|会不会|是不是|係咪|係唔係|得唔得|使唔使/, 2],
  [/點樣|點買|點去|怎麼|怎么|如何|哪裡|哪里|哪邊|邊度|邊間|邊個|幾點|幾時|什麼時候|甚麼時候|什么时候|多久|幾耐/, 2],
  [/什麼|甚麼|什么|咩/, 1],
  [/還有貨|还有货|仲有貨|有貨|補貨|补货|到貨未|營業時間|营业时间|訂位|預約|预约/, 1],
  [/未[？?]*$/, 1],
];

const ZH_NEGATIVE: [RegExp, Weight][] = [
  [/失望|太慢|很慢|好慢|超慢|破損|破损|退款|退錢|退钱|退貨|退货|差評|差评|投訴|投诉|客訴|爛透|很爛|好爛|超爛|爛|烂/, 2],
  [/難吃|难吃|難喝|难喝|唔好食|唔好飲|中伏|伏味|踩雷|雷店|地雷/, 2],
  [/糟糕|垃圾|騙|骗|態度差|态度差|服務差|服务差|很差|好差|超差|太差|有夠差|壞掉|坏掉|壞了|過期|过期|發霉|发霉|變質/, 2],
  [/沒收到|没收到|還沒收到|还没收到|未收到|仲未收到|等了.{0,6}(天|日|週|周|星期|禮拜|小時|個月)|送錯|寄錯|少了|漏了/, 2],
  [/傻眼|無言|无言|很扯|太扯|生氣|生气|好嬲|嬲|不會再|不会再|唔會再|再也不|黑名單|拉黑/, 2],
  [/貴|贵|冷掉|涼掉|不新鮮|唔新鮮|有點失望|可惜/, 1],
];

const ZH_PRAISE: [RegExp, Weight][] = [
  [/好喝|好吃|好食|好飲|美味|超讚|超赞|好讚|太讚|讚|赞|一流|好正|超正|好味|必買|必买|回購|回购|愛了|好愛|超愛|最愛|愛死|喜歡|喜欢|大推|推推|必推|推薦|推荐/, 2],
  [/好棒|超棒|太棒|很棒|棒|好好|不錯|不错|完美|漂亮|好靚|靚|感謝|感谢|謝謝|谢谢|多謝|多谢|唔該晒|辛苦了|用心|貼心|贴心|療癒|开心|開心/, 1],
  [/推(?![遲迟掉託托])|愛|爱|可愛|可爱/, 1],
];

/** Negation right before a cue flips praise ("不好喝") and cancels a complaint ("不會失望"). */
const ZH_NEGATION = /(不|沒有|沒|没有|没|唔|冇|無|无|未|別|别)(會|会|太|算|夠|够|是很|很|係好|好)?$/;
/** Phrases whose negation is itself the point: 不錯 is praise, 不會再 / 沒收到 are complaints. */
const ZH_NEGATION_EXEMPT = /^(不錯|不错|不會再|不会再|唔會再|沒收到|没收到|未收到|不新鮮|唔新鮮|唔好食|唔好飲|有冇|有沒有|有没有|有無|可唔可以|可不可以|能不能|會不會|会不会|是不是)/;

// ---- English ------------------------------------------------------------------

const EN_QUESTION: [RegExp, Weight][] = [
  [/(?:^|[.!?,;:\n]\s*|\b(?:but|and|so|also)\s+)(what|when|where|how|why|which|who|whose|is|are|do|does|did|can|could|would|will|should|may|have|has|any)\b[^.!?\n]*\?/i, 2],
  [/\b(how much|how many|how long|what time|price|prices|pricing|cost|costs|in stock|restock|available|availability|do you( \w+)? (ship|deliver|open|have|sell|take|make|accept)|can i|could i|is there|are there|opening hours|open on|wondering|let me know|anyone know)\b/i, 2],
  [/(?:^|[.!?\n]\s*)(what|when|where|how|why|which|who|do you|does|can you|could you|is it|are you|any chance|is|are|can|could|does)\b(?!['’])/i, 1],
];

const EN_NEGATIVE: [RegExp, Weight][] = [
  [/\b(refund(ed|s)?|never again|disappoint(ed|ing|ment)?|late|broken|damaged|terrible|awful|horrible|worst|disgusting|rude|scam|unacceptable|complain(t|ts|ed)?|not happy|unhappy|waste of money|ripped off|rip-?off)\b/i, 2],
  [/\b(never (arrived|came|received|got)|(haven['’]?t|have not|hasn['’]?t|has not|didn['’]?t|did not|still not|never|not yet) (received|got|arrived|come|heard back)|still waiting|wrong (order|item|size|colou?r)|missing (item|items|order)|stale|mould(y)?|mold(y)?|expired|overcharged|cancel(led)? my order)\b/i, 2],
  [/\b(bad|poor|cold|overpriced|slow|meh|sad|not (good|great|worth it|fresh|nice))\b/i, 1],
];

const EN_PRAISE: [RegExp, Weight][] = [
  [/\b(love[sd]?|loving|amazing|awesome|delicious|fantastic|wonderful|excellent|perfect|best|beautiful|gorgeous|yummy|yum|incredible|outstanding|superb|brilliant|highly recommend(ed)?|so good|well done)\b/i, 2],
  [/\b(great|good|nice|lovely|tasty|recommend(ed)?|thank(s| you)|thx|cute|fresh|cool|wow|enjoyed|favou?rite|can['’]?t wait)\b/i, 1],
];

const EN_NEGATION = /\b(not|never|no|isn['’]?t|wasn['’]?t|aren['’]?t|weren['’]?t|don['’]?t|doesn['’]?t|didn['’]?t|won['’]?t|hardly)\s+(\w+\s+)?$/i;
/** Complaint phrases that contain a negation word themselves. */
const EN_NEGATION_EXEMPT = /^(never again|never (arrived|came|received|got)|not happy|not (good|great|worth it|fresh|nice))/i;

// ---- emoji --------------------------------------------------------------------

const EMOJI: [RegExp, Signal, Weight][] = [
  [/😡|😠|🤬|😤|👎|💢|🙄|😒|🤮|🤢/u, 'negative', 2],
  [/😞|😢|😭|😩|😫|💔|😔|☹️|🙁|😕/u, 'negative', 1],
  [/😍|🥰|😋|🤤|💯|👏|🙌|🔥|❤️|❤|💕|💖|💗|😻|🤩|🥳|✨|👍|💓|♥️/u, 'praise', 1],
  [/🤔|❓|❔|🙋/u, 'question', 1],
];

/** Matches of a cue table, strongest first, skipping any that overlaps one already taken (推推 then not 推). */
function* matchesOf(text: string, table: [RegExp, Weight][]): Generator<{ m: RegExpMatchArray; index: number; weight: Weight }> {
  const taken: Array<[number, number]> = [];
  for (const [pattern, weight] of table) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    for (const m of text.matchAll(global)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start || taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      yield { m, index: start, weight };
    }
  }
}

function zhCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const scan = (table: [RegExp, Weight][], signal: Signal) => {
    for (const { m, index, weight } of matchesOf(text, table)) {
      const cue = m[0];
      const negation = signal === 'question' ? null : ZH_NEGATION.exec(text.slice(Math.max(0, index - 4), index));
      const phrase = negation ? negation[0] + cue : cue;
      const negated = negation !== null && !ZH_NEGATION_EXEMPT.test(phrase);
      if (negated && signal === 'praise') cues.push({ signal: 'negative', weight, code: 'negated_praise', cue: phrase });
      else if (negated) cues.push({ signal: 'praise', weight: 1, code: 'negated_complaint', cue: phrase });
      else cues.push({ signal, weight, code: `${signal}_word`, cue });
    }
  };
  scan(ZH_NEGATIVE, 'negative');
  scan(ZH_QUESTION, 'question');
  scan(ZH_PRAISE, 'praise');
  return cues;
}

function enCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const scan = (table: [RegExp, Weight][], signal: Signal) => {
    for (const { m, index: matchIndex, weight } of matchesOf(text, table)) {
      const cue = (m[1] ?? m[0]).trim();
      if (cue === '') continue;
      const index = m[1] === undefined ? matchIndex : matchIndex + m[0].indexOf(m[1]);
      const negation = signal === 'question' || EN_NEGATION_EXEMPT.test(cue) ? null : EN_NEGATION.exec(text.slice(Math.max(0, index - 30), index));
      const short = cue.length > 40 ? `${cue.slice(0, 39)}…` : cue;
      const phrase = negation ? `${negation[0]}${short}` : short;
      if (negation && signal === 'praise') cues.push({ signal: 'negative', weight, code: 'negated_praise', cue: phrase });
      else if (negation) cues.push({ signal: 'praise', weight: 1, code: 'negated_complaint', cue: phrase });
      else cues.push({ signal, weight, code: `${signal}_word`, cue: short });
    }
  };
  scan(EN_NEGATIVE, 'negative');
  scan(EN_QUESTION, 'question');
  scan(EN_PRAISE, 'praise');
  return cues;
}

/** Classifies one comment. Never certain: see `confidence` and `reasons`. */
export function classifyComment(text: string): Classification {
  const clean = cleanComment(text);
  const language = detectLanguage(clean);
  const cues: Cue[] = [];
  if (hanCount(clean) > 0) cues.push(...zhCues(clean));
  if (/[A-Za-z]{2,}/.test(clean)) cues.push(...enCues(clean));
  for (const [pattern, signal, weight] of EMOJI) {
    const m = pattern.exec(clean);
    if (m) cues.push({ signal, weight, code: `${signal}_emoji`, cue: m[0] });
  }
  if (/[?？]/.test(clean)) cues.push({ signal: 'question', weight: 1, code: 'question_mark', cue: '?' });

  const score: Record<Signal, number> = { question: 0, negative: 0, praise: 0 };
  for (const c of cues) score[c.signal] += c.weight;

  let kind: CommentKind;
  // A complaint outranks a question in it ("Why is my order so late?"), a real question outranks praise.
  if (score.negative >= 2) kind = 'negative';
  else if (score.question >= 2) kind = 'question';
  else if (score.negative + score.question + score.praise === 0) kind = 'neutral';
  else {
    const best = Math.max(score.negative, score.question, score.praise);
    kind = score.negative === best ? 'negative' : score.question === best ? 'question' : 'praise';
  }

  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const c of cues) {
    if (kind === 'neutral' || c.signal !== kind) continue;
    const reason = c.code === 'question_mark' ? 'question_mark' : `${c.code}:${c.cue}`;
    if (!seen.has(reason)) reasons.push(reason);
    seen.add(reason);
  }
  // What speaks against the guess: praise against a complaint (a question in a complaint is part of it),
  // a complaint against a question, anything else against praise.
  const competing = kind === 'negative' ? score.praise : kind === 'question' ? score.negative : kind === 'praise' ? Math.max(score.negative, score.question) : 0;
  if (competing > 0) reasons.push('mixed');

  let confidence: Confidence;
  if (kind === 'neutral') {
    reasons.push('no_cue');
    confidence = clean.length >= 12 ? 'medium' : 'low';
  } else {
    const own = score[kind];
    if (own >= 3 && competing === 0) confidence = 'high';
    else if (own >= 2 && own > competing) confidence = 'medium';
    else confidence = 'low';
  }
  return { kind, language, confidence, reasons };
}

/** i18n key and substitution for a reason code (messages.json: classifyReason*). */
export function reasonMessage(reason: string): { key: string; cue: string } {
  const at = reason.indexOf(':');
  const code = at >= 0 ? reason.slice(0, at) : reason;
  const cue = at >= 0 ? reason.slice(at + 1) : '';
  const keys: Record<string, string> = {
    question_word: 'classifyReasonQuestionWord',
    question_mark: 'classifyReasonQuestionMark',
    question_emoji: 'classifyReasonQuestionEmoji',
    negative_word: 'classifyReasonNegativeWord',
    negative_emoji: 'classifyReasonNegativeEmoji',
    negated_praise: 'classifyReasonNegatedPraise',
    praise_word: 'classifyReasonPraiseWord',
    praise_emoji: 'classifyReasonPraiseEmoji',
    negated_complaint: 'classifyReasonNegatedComplaint',
    mixed: 'classifyReasonMixed',
    no_cue: 'classifyReasonNoCue',
  };
  return { key: keys[code] ?? 'classifyReasonNoCue', cue };
}

/** i18n key of a kind as the UI says it ("Looks like a question"). */
export function kindMessageKey(kind: CommentKind): string {
  return { question: 'classifyKindQuestion', negative: 'classifyKindNegative', praise: 'classifyKindPraise', neutral: 'classifyKindNeutral' }[kind];
}

/**
 * Queue tier of a comment: 0 questions and complaints, 1 other comments, 2 praise.
 * Sort by tier, then older first (byUrgency).
 */
export function urgency(c: { kind: CommentKind }): number {
  return c.kind === 'question' || c.kind === 'negative' ? 0 : c.kind === 'neutral' ? 1 : 2;
}

/** Comparator for the waiting queue: most urgent tier first, then the oldest comment first. */
export function byUrgency<T extends { kind: CommentKind; occurredAt: number }>(a: T, b: T): number {
  return urgency(a) - urgency(b) || a.occurredAt - b.occurredAt;
}
