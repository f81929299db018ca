import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TemplateStats, TemplateView } from '@/lib/messaging/protocol';
import { renderWithI18n } from '@/test/i18n';
import { Templates, type TemplatesProps } from './Templates';

const NOW = Date.UTC(2026, 10, 27, 4, 0);

const view = (over: Partial<TemplateView>): TemplateView => ({
  id: 'tpl-1',
  name: 'Thanks',
  body: '{Thanks|Thank you}, {first_name}!',
  category: 'thanks',
  language: 'en',
  platforms: [],
  shortCode: 'thanks',
  builtIn: false,
  createdAt: NOW - 86_400_000,
  updatedAt: NOW - 86_400_000,
  useCount: 0,
  lastUsedAt: null,
  ...over,
});

const TEMPLATES: TemplateView[] = [
  view({ id: 'tpl-1', name: 'Thanks', useCount: 10, lastUsedAt: NOW - 3_600_000 }),
  view({ id: 'tpl-2', name: '價格詢問', body: '{first_name}你好，價格在這裡：{link:https://shop.example/menu}', category: 'price', language: 'zh-TW', shortCode: '價格', platforms: ['facebook', 'instagram'] }),
  view({ id: 'starter-en-hours', name: 'Opening hours', body: 'Hi {first_name}! Hours: {link:https://your-shop.example/hours}', category: 'hours', shortCode: 'hours', builtIn: true }),
  view({ id: 'tpl-4', name: 'Custom one', body: 'Hello', category: 'Market day', language: 'any', shortCode: null }),
];
const STATS: TemplateStats[] = [
  { templateId: 'tpl-1', uses: 10, lastUsedAt: NOW - 3_600_000, replies: 8, answeredAgain: 2 },
  { templateId: 'tpl-2', uses: 0, lastUsedAt: null, replies: 0, answeredAgain: 0 },
];

function setup(over: Partial<TemplatesProps> = {}, lang: 'en' | 'zh_TW' = 'en') {
  const props: TemplatesProps = {
    templates: TEMPLATES,
    stats: STATS,
    sync: { state: 'synced', bytes: 6 * 1024, limit: 90 * 1024, at: NOW },
    campaign: 'winter-menu',
    myName: 'Mei Lin',
    now: NOW,
    onSave: vi.fn(async (input) => ({ ok: true as const, template: view({ ...input, id: input.id ?? 'tpl-new', shortCode: input.shortCode }), sync: { state: 'synced' as const, bytes: 1, limit: 2, at: NOW } })),
    onDelete: vi.fn(async () => undefined),
    onRestore: vi.fn(async () => 3),
    onCampaign: vi.fn(async () => undefined),
    ...over,
  };
  renderWithI18n(<Templates {...props} />, lang);
  return props;
}

const items = () => screen.getAllByTestId('template-item');
const item = (name: string) => items().find((el) => within(el).queryByText(name, { selector: 'strong' })) as HTMLElement;
const body = () => screen.getByLabelText('Reply text') as HTMLTextAreaElement;

describe('Templates list', () => {
  it('shows each template with its short code, language, platforms and usage', () => {
    setup();
    expect(items()).toHaveLength(4);
    const thanks = item('Thanks');
    expect(within(thanks).getByText('/thanks')).toBeInTheDocument();
    expect(within(thanks).getByTestId('template-stats')).toHaveTextContent('Used: 10 · Replies seen: 8 · Commenter answered again: 2 (25%)');
    const price = item('價格詢問');
    expect(price).toHaveTextContent('Price enquiry · Traditional Chinese (Taiwan) · Facebook, Instagram');
    expect(within(price).getByTestId('template-stats')).toHaveTextContent('Not used yet');
    expect(item('Custom one')).toHaveTextContent('Market day · Any language · All platforms');
  });

  it('marks starter templates and says when their example link still needs replacing', () => {
    setup();
    const hours = item('Opening hours');
    expect(within(hours).getByText('Starter')).toBeInTheDocument();
    expect(hours).toHaveTextContent('Replace the example link https://your-shop.example/hours with your own page. (character 25)');
  });

  it('searches and filters by language and category', async () => {
    const user = userEvent.setup();
    setup();
    await user.type(screen.getByRole('searchbox'), 'hours');
    expect(items().map((el) => within(el).getByText(/./, { selector: 'strong' }).textContent)).toEqual(['Opening hours']);
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), '/價格');
    expect(items()).toHaveLength(1);
    await user.clear(screen.getByRole('searchbox'));
    await user.selectOptions(screen.getAllByRole('combobox', { name: 'Language' })[0]!, 'en');
    expect(items()).toHaveLength(2);
    await user.selectOptions(screen.getAllByRole('combobox', { name: 'Category' })[0]!, 'hours');
    expect(items()).toHaveLength(1);
    await user.selectOptions(screen.getAllByRole('combobox', { name: 'Category' })[0]!, 'price');
    expect(screen.getByText('No template matches.')).toBeInTheDocument();
  });

  it('says how to start when there are none', () => {
    setup({ templates: [], stats: [] });
    expect(screen.getByText('No templates yet. Create one, or restore the starter templates.')).toBeInTheDocument();
  });

  it('shows whether the templates fit the browser’s sync', () => {
    setup({ sync: { state: 'too_large', bytes: 120 * 1024, limit: 90 * 1024, at: null } });
    expect(screen.getByTestId('templates-sync')).toHaveTextContent(
      'Your templates need 120 KB but the browser’s sync storage has room for 90 KB, so they stay on this computer only.',
    );
    expect(screen.getByTestId('templates-sync')).toHaveClass('sd-error');
  });

  it('shows the synced state in Traditional Chinese', () => {
    setup({}, 'zh_TW');
    expect(screen.getByTestId('templates-sync')).toHaveTextContent('已透過瀏覽器的同步功能同步到你的其他瀏覽器（使用 6 KB，可用 90 KB）。');
    expect(screen.getByRole('button', { name: '新增範本' })).toBeInTheDocument();
  });
});

describe('editing', () => {
  it('creates a template: errors while typing with their position, a live preview with sample values, then save', async () => {
    const user = userEvent.setup();
    const props = setup();
    await user.click(screen.getByRole('button', { name: 'New template' }));
    const editor = screen.getByRole('form', { name: 'New template' });
    await user.type(within(editor).getByLabelText('Name'), 'Price reply');
    fireEvent.change(body(), { target: { value: 'Hi {firstname}, prices: {link:https://shop.example/menu?x=1#top}' } });
    const alert = within(editor).getByRole('alert');
    expect(alert).toHaveTextContent('Unknown variable {firstname}.');
    expect(alert).toHaveTextContent('(character 4)');
    expect(body()).toHaveAttribute('aria-invalid', 'true');
    expect(within(editor).getByRole('button', { name: 'Save template' })).toBeDisabled();
    // The preview never shows the raw braces of an error.
    expect(screen.getByTestId('template-preview').textContent).toBe('Hi , prices: https://shop.example/menu?x=1&utm_source=facebook&utm_medium=social&utm_campaign=winter-menu#top');

    fireEvent.change(body(), { target: { value: 'Hi {first_name}, prices: {link:https://shop.example/menu?x=1#top} — {my_name}' } });
    expect(within(editor).queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('template-preview').textContent).toBe(
      'Hi Amy, prices: https://shop.example/menu?x=1&utm_source=facebook&utm_medium=social&utm_campaign=winter-menu#top — Mei Lin',
    );
    await user.clear(within(editor).getByLabelText('Sample commenter'));
    await user.type(within(editor).getByLabelText('Sample commenter'), '陳怡婷');
    await user.selectOptions(within(editor).getByLabelText('Platform'), 'linkedin');
    expect(screen.getByTestId('template-preview').textContent).toContain('Hi 怡婷, prices: https://shop.example/menu?x=1&utm_source=linkedin&');

    await user.selectOptions(within(editor).getByLabelText('Category'), 'price');
    await user.selectOptions(within(editor).getByLabelText('Language'), 'en');
    await user.click(within(editor).getByRole('checkbox', { name: 'Facebook' }));
    await user.type(within(editor).getByLabelText('Short code'), '/Price');
    await user.click(within(editor).getByRole('button', { name: 'Save template' }));
    expect(props.onSave).toHaveBeenCalledWith({
      id: null,
      name: 'Price reply',
      body: 'Hi {first_name}, prices: {link:https://shop.example/menu?x=1#top} — {my_name}',
      category: 'price',
      language: 'en',
      platforms: ['facebook'],
      shortCode: 'price',
    });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('“Price reply” saved.'));
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('varies the preview’s wording on request', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(within(item('Thanks')).getByRole('button', { name: 'Edit' }));
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      seen.add(screen.getByTestId('template-preview').textContent ?? '');
      await user.click(screen.getByRole('button', { name: 'Another wording' }));
    }
    expect([...seen].sort()).toEqual(['Thank you, Amy!', 'Thanks, Amy!']);
  });

  it('inserts a variable where the cursor is', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(screen.getByRole('button', { name: 'New template' }));
    fireEvent.change(body(), { target: { value: 'Hi , welcome' } });
    body().setSelectionRange(3, 3);
    await user.click(screen.getByRole('button', { name: '{first_name}' }));
    expect(body().value).toBe('Hi {first_name}, welcome');
  });

  it('refuses a short code another template uses, before and after asking the background', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => ({ ok: false as const, reason: 'short_code_taken' as const, errors: [], conflictName: 'Someone else' }));
    setup({ onSave });
    await user.click(screen.getByRole('button', { name: 'New template' }));
    const editor = screen.getByRole('form');
    await user.type(within(editor).getByLabelText('Name'), 'Another');
    fireEvent.change(body(), { target: { value: 'Thanks!' } });
    await user.type(within(editor).getByLabelText('Short code'), 'THANKS');
    expect(editor).toHaveTextContent('The short code /thanks is already used by “Thanks”.');
    expect(within(editor).getByRole('button', { name: 'Save template' })).toBeDisabled();
    await user.clear(within(editor).getByLabelText('Short code'));
    await user.type(within(editor).getByLabelText('Short code'), 'two words');
    expect(editor).toHaveTextContent('A short code is letters, digits, - or _ without spaces, up to 30.');
    await user.clear(within(editor).getByLabelText('Short code'));
    await user.type(within(editor).getByLabelText('Short code'), 'ty');
    await user.click(within(editor).getByRole('button', { name: 'Save template' }));
    expect(await within(editor).findByRole('alert')).toHaveTextContent('The short code /ty is already used by “Someone else”.');
    expect(screen.getByRole('form')).toBeInTheDocument();
  });

  it('edits an existing template with its values, and takes a custom category', async () => {
    const user = userEvent.setup();
    const props = setup();
    await user.click(within(item('價格詢問')).getByRole('button', { name: 'Edit' }));
    const editor = screen.getByRole('form', { name: 'Edit “價格詢問”' });
    expect(within(editor).getByLabelText('Name')).toHaveValue('價格詢問');
    expect(within(editor).getByLabelText('Language')).toHaveValue('zh-TW');
    expect(within(editor).getByRole('checkbox', { name: 'Instagram' })).toBeChecked();
    await user.selectOptions(within(editor).getByLabelText('Category'), '__custom');
    await user.type(within(editor).getByLabelText('Category name'), 'Wholesale');
    await user.click(within(editor).getByRole('button', { name: 'Save template' }));
    expect(props.onSave).toHaveBeenCalledWith(expect.objectContaining({ id: 'tpl-2', category: 'Wholesale', shortCode: '價格', platforms: ['facebook', 'instagram'] }));
  });

  it('duplicates as a new template without the short code', async () => {
    const user = userEvent.setup();
    const props = setup();
    await user.click(within(item('Thanks')).getByRole('button', { name: 'Duplicate' }));
    expect(props.onSave).toHaveBeenCalledWith({ id: null, name: 'Thanks (copy)', body: '{Thanks|Thank you}, {first_name}!', category: 'thanks', language: 'en', platforms: [], shortCode: null });
    expect(await screen.findByRole('status')).toHaveTextContent('Copy saved as “Thanks (copy)”.');
  });

  it('deletes after a confirmation', async () => {
    const user = userEvent.setup();
    const props = setup();
    await user.click(within(item('Thanks')).getByRole('button', { name: 'Delete' }));
    expect(item('Thanks')).toHaveTextContent('Delete “Thanks”?');
    await user.click(within(item('Thanks')).getByRole('button', { name: 'Cancel' }));
    expect(props.onDelete).not.toHaveBeenCalled();
    await user.click(within(item('Thanks')).getByRole('button', { name: 'Delete' }));
    await user.click(within(item('Thanks')).getByRole('button', { name: 'Yes, delete' }));
    expect(props.onDelete).toHaveBeenCalledWith('tpl-1');
    expect(await screen.findByRole('status')).toHaveTextContent('“Thanks” deleted.');
  });
});

describe('starter templates and campaign', () => {
  it('restores the starter templates of the chosen languages', async () => {
    const user = userEvent.setup();
    const props = setup();
    await user.click(screen.getByRole('button', { name: 'Restore starter templates…' }));
    await user.click(screen.getByRole('checkbox', { name: 'Traditional Chinese (Taiwan)' }));
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(props.onRestore).toHaveBeenCalledWith(['en']);
    expect(await screen.findByRole('status')).toHaveTextContent('Starter templates restored: 3.');
  });

  it('saves the campaign name used in tracked links', async () => {
    const user = userEvent.setup();
    const props = setup();
    const input = screen.getByRole('textbox', { name: 'Campaign name for tracked links' });
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.clear(input);
    expect(screen.getByText('Tracked links need a campaign name.')).toBeInTheDocument();
    await user.type(input, 'Spring Sale');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(props.onCampaign).toHaveBeenCalledWith('Spring Sale');
    expect(await screen.findByRole('status')).toHaveTextContent('Campaign name saved.');
  });

  it('reports a failure to the user', async () => {
    const user = userEvent.setup();
    setup({ onDelete: vi.fn(async () => Promise.reject(new Error('disk full'))) });
    await user.click(within(item('Thanks')).getByRole('button', { name: 'Delete' }));
    await user.click(within(item('Thanks')).getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong: disk full');
  });
});
