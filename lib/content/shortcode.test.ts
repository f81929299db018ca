import { describe, expect, it } from 'vitest';
import { shortCodeAtEnd, textBeforeCaret } from './shortcode';

describe('shortCodeAtEnd', () => {
  it.each([
    ['/thanks', { typed: '/thanks', code: 'thanks' }],
    ['Hi Mei /Thanks', { typed: '/Thanks', code: 'thanks' }],
    ['@tea.lover.kao /謝謝', { typed: '/謝謝', code: '謝謝' }],
    ['line one\n/price', { typed: '/price', code: 'price' }],
    ['好的\u00a0/book-2', { typed: '/book-2', code: 'book-2' }],
  ])('finds the code in %j', (text, expected) => {
    expect(shortCodeAtEnd(text)).toEqual(expected);
  });

  it.each(['and/or', 'https://shop.example/thanks', '/', 'thanks', '/thanks ', 'a//thanks'])('finds none in %j', (text) => {
    expect(shortCodeAtEnd(text)).toBeNull();
  });
});

describe('textBeforeCaret', () => {
  it('reads a textarea up to the caret', () => {
    const area = document.createElement('textarea');
    document.body.append(area);
    area.value = '@mei /thanks and more';
    area.setSelectionRange(12, 12);
    expect(textBeforeCaret(area)).toBe('@mei /thanks');
    area.setSelectionRange(0, 4);
    expect(textBeforeCaret(area)).toBeNull();
    area.remove();
  });

  it('reads the caret’s text node in a contenteditable', () => {
    const box = document.createElement('div');
    box.contentEditable = 'true';
    box.innerText = '';
    const p = document.createElement('p');
    p.textContent = 'Hello /thanks';
    box.append(p);
    document.body.append(box);
    const selection = document.getSelection()!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 'Hello /thanks'.length);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
    expect(textBeforeCaret(box)).toBe('Hello /thanks');
    box.remove();
  });
});
