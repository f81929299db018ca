/**
 * The reply template language. Pure: no browser APIs, no clock, no randomness
 * other than the seeded generator the caller picks the seed of.
 *
 *   {first_name} {name} {my_name} {platform} {post_url} {date}   variables
 *   {link:https://shop.example/item}                               link with utm_* tracking
 *   {Thanks|Thank you|Many thanks}                                 one alternative, chosen by the seed
 *   {Hi {first_name}|Hello}                                        groups nest inside alternatives
 *   {{ and }}                                                      literal { and }
 *
 * Inside a group `{` always opens a nested group and `}` always closes; the
 * doubled-brace escapes are for the text around groups. A `{{` that opens an
 * alternatives group whose first alternative starts with a group
 * (`{{first_name}, thanks|Thanks}`) is read as the two groups, not an escape:
 * a doubled brace never has a top-level `|` in what it encloses otherwise.
 *
 * Anything that is not a known variable, a link or alternatives is an error with
 * its position; the rendered text never contains the raw braces of an error.
 */

export const TEMPLATE_VARIABLES = ['first_name', 'name', 'my_name', 'platform', 'post_url', 'date'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export interface TemplateVars {
  /** Commenter's first name; derive it with firstNameOf(name) unless the page gives one. */
  first_name?: string;
  /** Commenter's name as the platform shows it. */
  name?: string;
  /** The user's own name on this platform. */
  my_name?: string;
  /** The platform's display name (Facebook, X, LinkedIn…); lower-cased it is utm_source. */
  platform?: string;
  post_url?: string;
  /** Already formatted for the user's locale. */
  date?: string;
  /** The user's campaign name setting (utm_campaign). */
  campaign?: string;
}

/** Every error the engine reports; each has a `templateError_*` and a `pickerError_*` message. */
export const TEMPLATE_ERROR_CODES = [
  'unknown_variable',
  'empty_group',
  'unclosed_group',
  'unmatched_close',
  'bad_link',
  'placeholder_link',
  'missing_value',
] as const;
export type TemplateErrorCode = (typeof TEMPLATE_ERROR_CODES)[number];

export interface TemplateError {
  code: TemplateErrorCode;
  /** Offsets in the template body: [start, end). */
  start: number;
  end: number;
  /** The variable name (unknown_variable, missing_value), the url (bad_link). */
  detail?: string;
}

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'var'; name: TemplateVariable; start: number; end: number }
  | { kind: 'link'; url: string; start: number; end: number }
  | { kind: 'alt'; options: Node[][] }
  | { kind: 'error' };

interface Parsed {
  nodes: Node[];
  errors: TemplateError[];
}

const VARIABLE_SET = new Set<string>(TEMPLATE_VARIABLES);

/** Index of the `}` closing the group opened at `open`, and whether it has a top-level `|`; null when unclosed. */
function scanGroup(body: string, open: number): { close: number; hasPipe: boolean } | null {
  let depth = 0;
  let hasPipe = false;
  for (let i = open; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return { close: i, hasPipe };
    } else if (c === '|' && depth === 1) hasPipe = true;
  }
  return null;
}

function parse(body: string): Parsed {
  const errors: TemplateError[] = [];
  let pos = 0;

  /** A sequence up to the end (top level) or up to `|`/`}` of the enclosing group. */
  function sequence(inGroup: boolean): Node[] {
    const nodes: Node[] = [];
    let textBuf = '';
    const flush = () => {
      if (textBuf) nodes.push({ kind: 'text', value: textBuf });
      textBuf = '';
    };
    while (pos < body.length) {
      const c = body[pos] as string;
      if (inGroup && (c === '|' || c === '}')) break;
      if (c === '{') {
        if (!inGroup && body[pos + 1] === '{') {
          const outer = scanGroup(body, pos);
          if (!outer || !outer.hasPipe) {
            textBuf += '{';
            pos += 2;
            continue;
          }
        }
        flush();
        nodes.push(group());
        continue;
      }
      if (c === '}') {
        if (body[pos + 1] === '}') {
          textBuf += '}';
          pos += 2;
          continue;
        }
        errors.push({ code: 'unmatched_close', start: pos, end: pos + 1 });
        pos++;
        continue;
      }
      textBuf += c;
      pos++;
    }
    flush();
    return nodes;
  }

  /** A group starting at `{` (pos). */
  function group(): Node {
    const start = pos;
    const scan = scanGroup(body, start);
    if (!scan) {
      errors.push({ code: 'unclosed_group', start, end: body.length });
      pos = body.length;
      return { kind: 'error' };
    }
    const inner = body.slice(start + 1, scan.close);
    if (!scan.hasPipe) {
      pos = scan.close + 1;
      const trimmed = inner.trim();
      const linkMatch = /^link\s*:\s*(.*)$/is.exec(trimmed);
      if (linkMatch) {
        const url = (linkMatch[1] ?? '').trim();
        if (!isHttpUrl(url)) {
          errors.push({ code: 'bad_link', start, end: pos, detail: url });
          return { kind: 'error' };
        }
        if (isPlaceholderLink(url)) {
          errors.push({ code: 'placeholder_link', start, end: pos, detail: url });
          return { kind: 'error' };
        }
        return { kind: 'link', url, start, end: pos };
      }
      if (trimmed === '') {
        errors.push({ code: 'empty_group', start, end: pos });
        return { kind: 'error' };
      }
      if (VARIABLE_SET.has(trimmed)) return { kind: 'var', name: trimmed as TemplateVariable, start, end: pos };
      errors.push({ code: 'unknown_variable', start, end: pos, detail: trimmed });
      return { kind: 'error' };
    }
    pos = start + 1;
    const options: Node[][] = [];
    for (;;) {
      options.push(sequence(true));
      const c = body[pos];
      pos++;
      if (c === '}') break;
      // c === '|': the scan guarantees the group closes, so the loop ends.
    }
    return { kind: 'alt', options };
  }

  const nodes = sequence(false);
  errors.sort((a, b) => a.start - b.start);
  return { nodes, errors };
}

function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\/[^\s{}|]+$/i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * The starter templates link to this host until the user puts in their own page
 * (lib/templates/starter.ts): such a draft must not reach a customer.
 */
export const PLACEHOLDER_LINK_HOST = 'your-shop.example';

function isPlaceholderLink(url: string): boolean {
  return new URL(url).hostname.toLowerCase() === PLACEHOLDER_LINK_HOST;
}

/** Syntax and unknown-variable errors of a template (values are not needed). */
export function validateTemplate(body: string): TemplateError[] {
  return parse(body).errors;
}

/** The variables a template uses anywhere (in any alternative), in order of first use. */
export function templateVariables(body: string): TemplateVariable[] {
  const found: TemplateVariable[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.kind === 'var' && !found.includes(n.name)) found.push(n.name);
      else if (n.kind === 'alt') n.options.forEach(walk);
    }
  };
  walk(parse(body).nodes);
  return found;
}

/** mulberry32: small, fast and good enough to vary wording; the same seed gives the same draft. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from any string (e.g. the comment's id), so one comment always gets the same wording. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function utmValue(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, '-');
}

const UTM_KEYS = new Set(['utm_source', 'utm_medium', 'utm_campaign']);

/**
 * Adds utm_source/utm_medium/utm_campaign (lower-case) to a url, keeping its
 * other query parameters exactly as written and its #fragment; utm_* already in
 * the url are replaced, never doubled.
 */
export function trackedLink(url: string, source: string, campaign: string): string {
  const hashAt = url.indexOf('#');
  const fragment = hashAt >= 0 ? url.slice(hashAt) : '';
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const query = queryAt >= 0 ? beforeHash.slice(queryAt + 1) : '';
  const kept = query.split('&').filter((part) => {
    if (part === '') return false;
    const rawKey = part.split('=')[0] ?? '';
    let name = rawKey;
    try {
      name = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    } catch {
      // A malformed escape is kept as written.
    }
    return !UTM_KEYS.has(name.toLowerCase());
  });
  const utm = [
    `utm_source=${encodeURIComponent(utmValue(source))}`,
    'utm_medium=social',
    `utm_campaign=${encodeURIComponent(utmValue(campaign))}`,
  ];
  return `${base}?${[...kept, ...utm].join('&')}${fragment}`;
}

/**
 * Renders a template. Alternatives are chosen by a generator seeded with
 * `options.seed`. Errors: every syntax/unknown-variable error of the whole
 * template, plus a missing_value for each variable the chosen wording needs and
 * `vars` does not give (empty counts as missing). Where an error is, the text
 * has nothing: a draft with errors must not be sent.
 */
export function renderTemplate(body: string, vars: TemplateVars, options: { seed: number }): { text: string; errors: TemplateError[] } {
  const parsed = parse(body);
  const errors = [...parsed.errors];
  const random = seededRandom(options.seed);
  const value = (name: keyof TemplateVars): string | null => {
    const v = vars[name];
    return typeof v === 'string' && v.trim() !== '' ? v : null;
  };
  const render = (nodes: Node[]): string => {
    let out = '';
    for (const n of nodes) {
      switch (n.kind) {
        case 'text':
          out += n.value;
          break;
        case 'var': {
          const v = value(n.name);
          if (v === null) errors.push({ code: 'missing_value', start: n.start, end: n.end, detail: n.name });
          else out += v;
          break;
        }
        case 'link': {
          const platform = value('platform');
          const campaign = value('campaign');
          if (platform === null) errors.push({ code: 'missing_value', start: n.start, end: n.end, detail: 'platform' });
          if (campaign === null) errors.push({ code: 'missing_value', start: n.start, end: n.end, detail: 'campaign' });
          out += platform !== null && campaign !== null ? trackedLink(n.url, platform, campaign) : n.url;
          break;
        }
        case 'alt': {
          const index = Math.min(n.options.length - 1, Math.floor(random() * n.options.length));
          out += render(n.options[index] ?? []);
          break;
        }
        case 'error':
          break;
      }
    }
    return out;
  };
  const text = render(parsed.nodes);
  errors.sort((a, b) => a.start - b.start);
  return { text, errors };
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);
// Two-character surnames, so 歐陽娜娜 gives 娜娜.
const COMPOUND_SURNAMES = ['歐陽', '欧阳', '司馬', '司马', '諸葛', '诸葛', '上官', '東方', '东方', '皇甫', '令狐', '慕容', '司徒', '公孫', '公孙', '夏侯', '張簡', '范姜'];

/**
 * The commenter's first name as a reply would use it. Latin names: the first
 * word (skipping a title such as "Dr."). A 2–3 character Han name (陳怡婷):
 * the given name as written without the surname (怡婷); with a two-character
 * surname, up to 4 characters (歐陽娜娜 → 娜娜). Anything else (a shop name,
 * a nickname, other scripts): the whole name.
 */
export function firstNameOf(fullName: string): string {
  const name = fullName.trim().replace(/\s+/g, ' ');
  if (name === '') return '';
  if (/^\p{Script=Han}{2,4}$/u.test(name)) {
    const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s));
    if (compound && name.length >= 3) return name.slice(2);
    if (name.length <= 3) return name.slice(1);
    return name;
  }
  if (/\p{Script=Han}/u.test(name) && !/[A-Za-z]/.test(name)) return name;
  const words = name.split(' ');
  const first = words.find((w, i) => !(i < words.length - 1 && TITLES.has(w.toLowerCase().replace(/\.$/, ''))));
  const word = first ?? name;
  if (/^\p{Script=Han}{2,4}$/u.test(word)) return firstNameOf(word);
  // "Amy," or "(Amy)" — no punctuation around the name; keep inner hyphens/apostrophes (Jean-Luc, O'Neil).
  const cleaned = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return cleaned || word;
}
