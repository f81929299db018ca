import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../messaging/protocol';
import { comment, NOW } from '@/test/builders';
import { renderDraft, type DraftContext } from './draft';
import type { PickerState } from './replies';

function template(body: string): TemplateView {
  return { id: 'tpl', name: 'tpl', body, category: 'thanks', language: 'en', platforms: [], shortCode: null, builtIn: true, createdAt: 0, updatedAt: 0, useCount: 0, lastUsedAt: null };
}

function picker(over: Partial<PickerState> = {}): PickerState {
  return {
    key: 1,
    target: { comment: comment('c1', 'p1', { author: { name: '  Sarah Lee ', profileUrl: null } }), interactionId: null, editor: null, shortCode: null, postUrl: 'https://www.linkedin.com/feed/update/urn:li:activity:1/' },
    templates: [],
    allLanguages: false,
    error: null,
    initialQuery: '',
    initialTemplateId: null,
    campaign: 'spring',
    myName: 'Mei Lin',
    busy: false,
    result: null,
    ...over,
  };
}

const context = (over: Partial<DraftContext> = {}): DraftContext => ({ picker: picker(), identityName: 'Mei from the profile', platform: 'linkedin', locale: 'en-US', now: NOW, ...over });

describe('renderDraft', () => {
  it('fills every variable from the picker’s comment, the templates’ settings, the platform and the date', () => {
    const { text, errors } = renderDraft(context(), template('Hi {first_name} ({name}), {my_name} on {platform}, {date}: {post_url} {link:https://shop.example/item}'), 0);
    expect(errors).toEqual([]);
    expect(text).toBe(
      'Hi Sarah (Sarah Lee), Mei Lin on LinkedIn, Nov 27, 2026: https://www.linkedin.com/feed/update/urn:li:activity:1/ https://shop.example/item?utm_source=linkedin&utm_medium=social&utm_campaign=spring',
    );
  });

  it('takes {my_name} from the signed-in profile when the settings give none, and reports what nothing gives', () => {
    expect(renderDraft(context({ picker: picker({ myName: null }) }), template('{my_name}'), 0).text).toBe('Mei from the profile');
    const none = renderDraft(context({ picker: picker({ myName: null, target: { ...picker().target, comment: null, postUrl: null } }), identityName: null }), template('{my_name} {first_name} {post_url}'), 0);
    expect(none.errors.map((e) => e.detail)).toEqual(['my_name', 'first_name', 'post_url']);
  });

  it('gives the same comment the same wording for a seed, and another seed can change it', () => {
    const body = template('{Thanks|Thank you|Many thanks|Cheers} {first_name}!');
    const first = renderDraft(context(), body, 0).text;
    expect(renderDraft(context(), body, 0).text).toBe(first);
    const wordings = new Set(Array.from({ length: 12 }, (_, seed) => renderDraft(context(), body, seed).text));
    expect(wordings.size).toBeGreaterThan(1);
  });

  it('formats {date} in the UI language', () => {
    expect(renderDraft(context({ locale: 'zh-TW' }), template('{date}'), 0).text).toBe('2026年11月27日');
  });
});
