import { describe, expect, it } from 'vitest';
import { firstNameOf, renderTemplate, seedFrom, templateVariables, trackedLink, validateTemplate, type TemplateVars } from './engine';

const VARS: TemplateVars = {
  first_name: 'Amy',
  name: 'Amy Chen',
  my_name: 'Mei Lin',
  platform: 'Facebook',
  post_url: 'https://www.facebook.com/maplecafe/posts/123',
  date: '2026/11/27',
  campaign: 'Winter Menu',
};

const render = (body: string, vars: TemplateVars = VARS, seed = 1) => renderTemplate(body, vars, { seed });

describe('variables', () => {
  it.each([
    ['{first_name}', 'Amy'],
    ['{name}', 'Amy Chen'],
    ['{my_name}', 'Mei Lin'],
    ['{platform}', 'Facebook'],
    ['{post_url}', 'https://www.facebook.com/maplecafe/posts/123'],
    ['{date}', '2026/11/27'],
  ])('%s', (body, text) => {
    expect(render(`Hi ${body}!`)).toEqual({ text: `Hi ${text}!`, errors: [] });
  });

  it('keeps line breaks and everything around the variables as written', () => {
    expect(render('Hi {first_name},\n\nthanks! — {my_name} 😊').text).toBe('Hi Amy,\n\nthanks! — Mei Lin 😊');
  });

  it('allows spaces inside the braces', () => {
    expect(render('{ first_name }').text).toBe('Amy');
  });

  it('reports a missing or empty value where it is used, and leaves no braces', () => {
    const result = render('Hi {first_name}, from {my_name}', { ...VARS, my_name: '  ' });
    expect(result.text).toBe('Hi Amy, from ');
    expect(result.errors).toEqual([{ code: 'missing_value', start: 22, end: 31, detail: 'my_name' }]);
    expect(render('{date}', { ...VARS, date: undefined }).errors).toMatchObject([{ code: 'missing_value', detail: 'date' }]);
  });
});

describe('unknown variables and syntax errors', () => {
  it('reports an unknown variable with its position and never outputs it', () => {
    const result = render('Hi {firstname}, see {link:https://a.example/x} {Thanks|Thank you}');
    expect(result.errors).toEqual([{ code: 'unknown_variable', start: 3, end: 14, detail: 'firstname' }]);
    expect(result.text).not.toMatch(/[{}]/);
    expect(validateTemplate('{First_Name} {shop}')).toEqual([
      { code: 'unknown_variable', start: 0, end: 12, detail: 'First_Name' },
      { code: 'unknown_variable', start: 13, end: 19, detail: 'shop' },
    ]);
  });

  it('reports an unknown variable inside an alternative even when another one is chosen', () => {
    for (let seed = 0; seed < 5; seed++) {
      expect(renderTemplate('{Hello|Hi {frist_name}}', VARS, { seed }).errors).toEqual([{ code: 'unknown_variable', start: 10, end: 22, detail: 'frist_name' }]);
    }
  });

  it.each([
    ['Hi {first_name', [{ code: 'unclosed_group', start: 3, end: 14 }], 'Hi '],
    ['Hi } there', [{ code: 'unmatched_close', start: 3, end: 4 }], 'Hi  there'],
    ['Hi {}', [{ code: 'empty_group', start: 3, end: 5 }], 'Hi '],
    ['Go {link:shop.example}', [{ code: 'bad_link', start: 3, end: 22, detail: 'shop.example' }], 'Go '],
    ['Go {link:javascript:alert(1)}', [{ code: 'bad_link', start: 3, end: 29, detail: 'javascript:alert(1)' }], 'Go '],
    ['Go {link:https://your-shop.example/menu}', [{ code: 'placeholder_link', start: 3, end: 40, detail: 'https://your-shop.example/menu' }], 'Go '],
  ])('%s', (body, errors, text) => {
    expect(render(body)).toEqual({ text, errors });
    expect(validateTemplate(body)).toEqual(errors);
  });

  it('validates without values', () => {
    expect(validateTemplate('{Hi {first_name}|Hello}, see {link:https://shop.example/a}')).toEqual([]);
  });
});

describe('escapes', () => {
  it('writes {{ and }} as literal braces', () => {
    expect(render('Use {{code}} at checkout: {{SAVE10}}')).toEqual({ text: 'Use {code} at checkout: {SAVE10}', errors: [] });
    expect(render('{{first_name}}').text).toBe('{first_name}');
    expect(render('{{{first_name}}}').text).toBe('{Amy}');
    expect(render('a }} b {{ c').text).toBe('a } b { c');
  });

  it('reads {{ as two groups when it opens alternatives that start with a variable', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) seen.add(renderTemplate('{{first_name}, thanks!|Thanks!}', VARS, { seed }).text);
    expect([...seen].sort()).toEqual(['Amy, thanks!', 'Thanks!']);
  });
});

describe('alternatives', () => {
  it('chooses one alternative by the seed: the same seed gives the same text', () => {
    const body = '{Thanks|Thank you|Many thanks}, {first_name}!';
    expect(render(body, VARS, 42)).toEqual(render(body, VARS, 42));
    const seen = new Set<string>();
    for (let seed = 0; seed < 60; seed++) seen.add(renderTemplate(body, VARS, { seed }).text);
    expect([...seen].sort()).toEqual(['Many thanks, Amy!', 'Thank you, Amy!', 'Thanks, Amy!']);
  });

  it('spreads choices fairly over many seeds', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 3000; seed++) {
      const text = renderTemplate('{a|b|c}', {}, { seed: seedFrom(`comment-${seed}`) }).text;
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    for (const n of counts.values()) expect(n).toBeGreaterThan(850);
  });

  it('nests groups and variables inside alternatives', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 80; seed++) seen.add(renderTemplate('{Hi {first_name}|Hello {Amy|there|{name}}}!', VARS, { seed }).text);
    expect([...seen].sort()).toEqual(['Hello Amy Chen!', 'Hello Amy!', 'Hello there!', 'Hi Amy!']);
  });

  it('allows an empty alternative', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) seen.add(renderTemplate('Thanks{!| so much!}', {}, { seed }).text);
    expect([...seen].sort()).toEqual(['Thanks so much!', 'Thanks!']);
  });

  it('asks only for the values of the wording it chose', () => {
    const vars = { ...VARS, first_name: undefined };
    const results = Array.from({ length: 30 }, (_, seed) => renderTemplate('{Hi {first_name}|Hello}', vars, { seed }));
    expect(results.filter((r) => r.text === 'Hello').every((r) => r.errors.length === 0)).toBe(true);
    expect(results.filter((r) => r.text === 'Hi ').every((r) => r.errors[0]?.code === 'missing_value')).toBe(true);
    expect(new Set(results.map((r) => r.text)).size).toBe(2);
  });

  it('gives a stable seed per comment id', () => {
    expect(seedFrom('facebook:comment_received:1')).toBe(seedFrom('facebook:comment_received:1'));
    expect(seedFrom('facebook:comment_received:1')).not.toBe(seedFrom('facebook:comment_received:2'));
  });
});

describe('tracked links', () => {
  it('adds lower-case utm parameters for the platform and campaign', () => {
    expect(render('{link:https://shop.example/item}').text).toBe('https://shop.example/item?utm_source=facebook&utm_medium=social&utm_campaign=winter-menu');
    expect(render('{link:https://shop.example/item}', { ...VARS, platform: 'LinkedIn', campaign: 'SPRING' }).text).toBe(
      'https://shop.example/item?utm_source=linkedin&utm_medium=social&utm_campaign=spring',
    );
  });

  it('keeps existing query parameters exactly as written, and the fragment', () => {
    expect(trackedLink('https://shop.example/item?id=12&Color=Red%20Bean&q=a+b#reviews', 'X', 'Autumn')).toBe(
      'https://shop.example/item?id=12&Color=Red%20Bean&q=a+b&utm_source=x&utm_medium=social&utm_campaign=autumn#reviews',
    );
    expect(trackedLink('https://shop.example/?#top', 'Instagram', 'a')).toBe('https://shop.example/?utm_source=instagram&utm_medium=social&utm_campaign=a#top');
  });

  it('replaces utm parameters already in the url instead of doubling them', () => {
    expect(trackedLink('https://shop.example/item?utm_source=newsletter&id=3&UTM_Campaign=old&utm_content=hero', 'Threads', 'new')).toBe(
      'https://shop.example/item?id=3&utm_content=hero&utm_source=threads&utm_medium=social&utm_campaign=new',
    );
  });

  it('encodes what a campaign name could break a url with', () => {
    expect(trackedLink('https://shop.example/', 'YouTube', '冬季 新品&Sale')).toBe(
      'https://shop.example/?utm_source=youtube&utm_medium=social&utm_campaign=%E5%86%AC%E5%AD%A3-%E6%96%B0%E5%93%81%26sale',
    );
  });

  it('keeps a link inside alternatives and in Chinese text', () => {
    expect(render('詳情看這裡：{link:https://shop.example/menu?lang=zh}').text).toBe(
      '詳情看這裡：https://shop.example/menu?lang=zh&utm_source=facebook&utm_medium=social&utm_campaign=winter-menu',
    );
    const seen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) seen.add(renderTemplate('{See {link:https://s.example/a}|Bye}', VARS, { seed }).text);
    expect(seen).toContain('See https://s.example/a?utm_source=facebook&utm_medium=social&utm_campaign=winter-menu');
  });

  it('needs the platform and the campaign', () => {
    const result = render('{link:https://shop.example/a}', { ...VARS, campaign: '' });
    expect(result.errors).toEqual([{ code: 'missing_value', start: 0, end: 29, detail: 'campaign' }]);
  });
});

describe('templateVariables', () => {
  it('lists the variables used anywhere, once', () => {
    expect(templateVariables('{Hi {first_name}|Hello {name}}, {first_name} — {my_name}')).toEqual(['first_name', 'name', 'my_name']);
  });
});

describe('firstNameOf', () => {
  it.each([
    ['Amy Chen', 'Amy'],
    ['amy', 'amy'],
    ['  Jean-Luc   Picard ', 'Jean-Luc'],
    ["Siobhan O'Neil", 'Siobhan'],
    ['Dr. John Smith', 'John'],
    ['Amy 🌸 Chen', 'Amy'],
    ['(Amy)', 'Amy'],
    ['陳怡婷', '怡婷'],
    ['王明', '明'],
    ['歐陽娜娜', '娜娜'],
    ['張簡文彬', '文彬'],
    ['司馬光', '光'],
    ['小花咖啡店', '小花咖啡店'],
    ['阿明仔的店', '阿明仔的店'],
    ['陳怡婷 Amy', '怡婷'],
    ['Amy 陳怡婷', 'Amy'],
    ['さくら', 'さくら'],
    ['', ''],
  ])('%s → %s', (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });
});
