import { describe, expect, it } from 'vitest';
import { editableRoot, editorFamilyOf, findTextRange, insertIntoEditor, visibleLines } from './insert';

function html(markup: string): HTMLElement {
  const host = document.createElement('div');
  host.append(...Array.from(new DOMParser().parseFromString(markup, 'text/html').body.childNodes));
  document.body.append(host);
  return host;
}

describe('editorFamilyOf', () => {
  it('tells the editor families apart by the marks their libraries leave', () => {
    const host = html(`
      <div id="lexical" contenteditable="true" data-lexical-editor="true"><p><span id="inLexical">a</span></p></div>
      <div class="DraftEditor-root"><div id="draft" class="public-DraftEditor-content" contenteditable="true"></div></div>
      <div class="ql-container"><div id="quill" class="ql-editor" contenteditable="true"></div></div>
      <div id="plain" contenteditable="true"></div>
      <textarea id="area"></textarea><input id="text" type="text"><input id="box" type="checkbox"><div id="static"></div>`);
    const family = (id: string) => editorFamilyOf(host.querySelector(`#${id}`)!);
    expect(['lexical', 'inLexical', 'draft', 'quill', 'plain', 'area', 'text', 'box', 'static'].map(family)).toEqual([
      'lexical',
      'lexical',
      'draft',
      'quill',
      'contenteditable',
      'textarea',
      'textarea',
      null,
      null,
    ]);
    // Focus inside an editor's paragraph belongs to the editor's root.
    expect(editableRoot(host.querySelector('#inLexical'))).toBe(host.querySelector('#lexical'));
    expect(editableRoot(host.querySelector('#static'))).toBeNull();
    host.remove();
  });
});

describe('visibleLines', () => {
  it('drops the blank lines editors put between blocks and normalises spaces', () => {
    expect(visibleLines('Thanks!\n\nSee you\u00a0soon \n\u200b')).toEqual(['Thanks!', 'See you soon']);
  });
});

describe('findTextRange', () => {
  it('finds the last occurrence of a short code in the editor’s text', () => {
    const host = html('<div contenteditable="true"><p>/thanks first</p><p>then /thanks</p></div>');
    const range = findTextRange(host.firstElementChild as HTMLElement, '/thanks')!;
    expect(range.startContainer.nodeValue).toBe('then /thanks');
    expect(range.startOffset).toBe(5);
    host.remove();
  });
});

describe('insertIntoEditor on a textarea', () => {
  it('appends after what Reply filled in, through the native setter with an input event', async () => {
    const host = html('<textarea></textarea>');
    const area = host.querySelector('textarea')!;
    area.value = '@tea.lover.kao ';
    const inputs: string[] = [];
    area.addEventListener('input', () => inputs.push(area.value));
    const outcome = await insertIntoEditor(area, '可以的！\n全台宅配', { settleMs: 0 });
    expect(outcome).toEqual({ ok: true, strategy: 'value-setter' });
    expect(area.value).toBe('@tea.lover.kao 可以的！\n全台宅配');
    expect(inputs).toEqual([area.value]);
    host.remove();
  });

  it('replaces a typed short code with the draft', async () => {
    const host = html('<textarea></textarea>');
    const area = host.querySelector('textarea')!;
    area.value = '@mei /thanks';
    area.focus();
    area.setSelectionRange(12, 12);
    expect(await insertIntoEditor(area, 'Thank you!', { replace: '/thanks', settleMs: 0 })).toMatchObject({ ok: true });
    expect(area.value).toBe('@mei Thank you!');
    host.remove();
  });

  it('refuses what is not an editor, or no longer in the page', async () => {
    const host = html('<div id="x"></div><textarea></textarea>');
    expect(await insertIntoEditor(host.querySelector('#x')!, 'hi')).toEqual({ ok: false, reason: 'not_editable' });
    const area = host.querySelector('textarea')!;
    area.remove();
    expect(await insertIntoEditor(area, 'hi')).toEqual({ ok: false, reason: 'not_editable' });
    host.remove();
  });
});
